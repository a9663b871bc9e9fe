// A lint report with one finding of each severity and one unreadable document.

import { required } from '@kubectl-workload/api';
import type { LintFinding, LintReport } from '../../report.js';

const placed = {
  object: { apiVersion: 'scheduling.k8s.io/v1alpha2', kind: 'Workload', namespace: 'ml', name: 'train' },
  file: 'deploy/workload.yaml',
  column: 3,
};

function rejection(rule: string, severity: LintFinding['severity'], line: number, message: string): LintFinding {
  return { ...placed, rule, severity, style: 'admission', rejection: { field: 'spec.podGroupTemplates', message }, line };
}

export function sampleReport(): LintReport {
  const findings: LintFinding[] = [
    { ...placed, rule: 'WL-04', severity: 'error', style: 'field', error: required('spec.podGroupTemplates'), line: 7 },
    rejection('X-19', 'warning', 9, 'gang, minCount: 8 > 4 pods, with "quotes", commas\nand a second line'),
    rejection('X-20', 'info', 11, 'Job will get a Workload <generated> & a PodGroup'),
  ];
  return {
    objects: [
      { object: findings[0]!.object, file: 'deploy/workload.yaml' },
      { object: { apiVersion: 'v1', kind: 'Pod', namespace: 'ml', name: 'clean' }, file: 'deploy/pod.yaml' },
    ],
    findings,
    diagnostics: [{ file: 'deploy/broken.yaml', line: 4, column: 9, message: 'YAML syntax error: unexpected end of the stream' }],
    summary: { files: 3, objects: 2, errors: 1, warnings: 1, infos: 1 },
  };
}
