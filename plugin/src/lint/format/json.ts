// `lint -o json`: the stable machine format documented in docs/json-output.md (findings, errors, summary).

import { findingField, findingReason, renderFinding } from '@kubectl-workload/rules';
import type { LintFinding, LintReport } from '../report.js';

/** One finding as documented: the field, the reason and the text the API server would print. */
export function jsonFinding(f: LintFinding) {
  return {
    object: f.object,
    rule: f.rule,
    severity: f.severity,
    field: findingField(f),
    reason: findingReason(f),
    message: renderFinding(f),
    file: f.file,
    line: f.line,
    column: f.column,
  };
}

const text = JSON.stringify;

/** `jsonFinding(f)` as an item of the `findings` list of `JSON.stringify(report, null, 2)`, without its generic walk. */
function findingItem(f: LintFinding): string {
  const j = jsonFinding(f);
  return `    {
      "object": {
        "apiVersion": ${text(j.object.apiVersion)},
        "kind": ${text(j.object.kind)},
        "namespace": ${text(j.object.namespace)},
        "name": ${text(j.object.name)}
      },
      "rule": ${text(j.rule)},
      "severity": ${text(j.severity)},
      "field": ${text(j.field)},
      "reason": ${text(j.reason)},
      "message": ${text(j.message)},
      "file": ${text(j.file)},
      "line": ${text(j.line)},
      "column": ${text(j.column)}
    }`;
}

/** Findings per piece: big enough for few writes, small enough that no piece is a large string. */
const PIECE = 500;

/**
 * The report exactly as `JSON.stringify({ findings, errors, summary }, null, 2)` prints it, in
 * pieces: 33k findings make 18 MB of text, which the generic walk took most of the output time to build.
 */
export function* formatLintJson(report: LintReport): Generator<string> {
  const { findings, diagnostics, summary } = report;
  if (findings.length === 0) yield '{\n  "findings": [],\n';
  for (let start = 0; start < findings.length; start += PIECE) {
    const items = findings.slice(start, start + PIECE).map(findingItem);
    const end = start + PIECE >= findings.length;
    yield `${start === 0 ? '{\n  "findings": [\n' : ',\n'}${items.join(',\n')}${end ? '\n  ],\n' : ''}`;
  }
  const nested = (value: unknown) => JSON.stringify(value, null, 2).replaceAll('\n', '\n  ');
  yield `  "errors": ${nested(diagnostics)},\n  "summary": ${nested(summary)}\n}\n`;
}
