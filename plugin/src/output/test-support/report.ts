// A lint report with one finding of each severity and one unreadable document.

import type { LintFinding, LintReport } from '../../lint/report.js';

function finding(rule: string, severity: LintFinding['severity'], line: number, message: string): LintFinding {
  return {
    object: { apiVersion: 'scheduling.k8s.io/v1alpha2', kind: 'Workload', namespace: 'ml', name: 'train' },
    rule,
    severity,
    field: 'spec.podGroupTemplates',
    reason: severity === 'error' ? 'FieldValueRequired' : 'Forbidden',
    message,
    file: 'deploy/workload.yaml',
    line,
    column: 3,
  };
}

export function sampleReport(): LintReport {
  const findings = [
    finding('WL-04', 'error', 7, 'spec.podGroupTemplates: Required value'),
    finding('X-19', 'warning', 9, 'gang, minCount: 8 > 4 pods, with "quotes", commas\nand a second line'),
    finding('X-20', 'info', 11, 'Job will get a Workload <generated> & a PodGroup'),
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
