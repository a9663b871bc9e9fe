// `lint -o sarif`: a SARIF 2.1.0 log (OASIS), one run, every rule of the engine in the driver so
// code-scanning UIs can show each rule's description.

import type { Log, ReportingDescriptor, Result, Notification } from 'sarif';
import { findingField, findingReason, renderFinding } from '@kubectl-workload/rules';
import type { Rule, Severity } from '@kubectl-workload/rules';
import type { LintReport } from '../report.js';
import type { LoadDiagnostic } from '../../input/manifests.js';
import { VERSION } from '../../version.js';
import { renderDocument } from '../../output/document.js';
import { objectLabel } from './text.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVELS: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/** A relative URI reference for a file name as the user gave it. */
function artifactUri(file: string): string {
  return encodeURI(file.replace(/\\/g, '/'));
}

function location(file: string, line: number, column: number) {
  return { physicalLocation: { artifactLocation: { uri: artifactUri(file) }, region: { startLine: line, startColumn: column } } };
}

function notification(d: LoadDiagnostic): Notification {
  return { level: 'error', message: { text: d.message }, locations: [location(d.file, d.line, d.column)] };
}

export function formatLintSarif(report: LintReport, rules: readonly Rule[]): string {
  const descriptors: ReportingDescriptor[] = rules.map((r) => ({
    id: r.id,
    shortDescription: { text: r.doc },
    defaultConfiguration: { level: LEVELS[r.severity] },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results: Result[] = report.findings.map((f) => ({
    ruleId: f.rule,
    ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {}),
    level: LEVELS[f.severity],
    message: { text: `${objectLabel(f)}: ${renderFinding(f)}` },
    locations: [location(f.file, f.line, f.column)],
    properties: { object: f.object, field: findingField(f), reason: findingReason(f) },
  }));
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kubectl-workload',
            version: VERSION,
            informationUri: 'https://kubernetes.io/docs/concepts/workloads/workload-api/',
            rules: descriptors,
          },
        },
        invocations: [
          { executionSuccessful: report.diagnostics.length === 0, toolExecutionNotifications: report.diagnostics.map(notification) },
        ],
        results,
      },
    ],
  };
  return renderDocument(log, 'json');
}
