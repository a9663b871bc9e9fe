// `lint -o junit`: one test suite per file, one test case per object; findings at or above
// `--fail-on` are failures, the others go to the case's system-out; unreadable input is an error.

import { renderFinding } from '@kubectl-workload/rules';
import type { Severity } from '@kubectl-workload/rules';
import { failsAt } from '../report.js';
import type { CheckedObject, LintFinding, LintReport } from '../report.js';
import type { LoadDiagnostic } from '../../input/manifests.js';
import { objectLabel } from './text.js';
import { escapeXml } from './xml.js';
import { groupBy } from '../../group-by.js';

interface Suite {
  cases: string[];
  failures: number;
  errors: number;
}

const keyOf = (o: Pick<LintFinding, 'object' | 'file'>) => `${o.file}\0${o.object.kind}\0${o.object.namespace}\0${o.object.name}`;

function findingText(f: LintFinding): string {
  return `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.rule}: ${renderFinding(f)}`;
}

function testCase(checked: CheckedObject, findings: readonly LintFinding[], failOn: Severity): { xml: string; failed: boolean } {
  const failing = findings.filter((f) => failsAt([f], failOn));
  const other = findings.filter((f) => !failsAt([f], failOn));
  const body = [
    ...failing.map(
      (f) => `      <failure message="${escapeXml(renderFinding(f))}" type="${escapeXml(f.rule)}">${escapeXml(findingText(f))}</failure>`,
    ),
    ...(other.length ? [`      <system-out>${escapeXml(other.map(findingText).join('\n'))}</system-out>`] : []),
  ];
  const open = `    <testcase name="${escapeXml(objectLabel(checked))}" classname="${escapeXml(checked.file)}"`;
  return { xml: body.length ? `${open}>\n${body.join('\n')}\n    </testcase>` : `${open}/>`, failed: failing.length > 0 };
}

function errorCase(d: LoadDiagnostic): string {
  const text = `${d.file}:${d.line}:${d.column}: ${d.message}`;
  return `    <testcase name="${escapeXml(`${d.file}:${d.line}`)}" classname="${escapeXml(d.file)}">\n      <error message="${escapeXml(d.message)}">${escapeXml(text)}</error>\n    </testcase>`;
}

export function formatLintJunit(report: LintReport, failOn: Severity): string {
  const byObject = groupBy(report.findings, keyOf);
  const suites = new Map<string, Suite>();
  const suite = (file: string): Suite => {
    let s = suites.get(file);
    if (!s) suites.set(file, (s = { cases: [], failures: 0, errors: 0 }));
    return s;
  };
  for (const checked of report.objects) {
    const { xml, failed } = testCase(checked, byObject.get(keyOf(checked)) ?? [], failOn);
    const s = suite(checked.file);
    s.cases.push(xml);
    if (failed) s.failures++;
  }
  for (const d of report.diagnostics) {
    const s = suite(d.file);
    s.cases.push(errorCase(d));
    s.errors++;
  }
  const total = (pick: (s: Suite) => number) => [...suites.values()].reduce((n, s) => n + pick(s), 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="kubectl-workload lint" tests="${total((s) => s.cases.length)}" failures="${total((s) => s.failures)}" errors="${total((s) => s.errors)}">`,
    ...[...suites].map(([file, s]) =>
      [
        `  <testsuite name="${escapeXml(file)}" tests="${s.cases.length}" failures="${s.failures}" errors="${s.errors}">`,
        ...s.cases,
        '  </testsuite>',
      ].join('\n'),
    ),
    '</testsuites>',
  ];
  return lines.join('\n') + '\n';
}
