import { RULES_ONE_PER_ID } from '@kubectl-workload/rules';
import { COLORS, NO_COLORS, colorEnabled } from '../../output/color.js';
import { annotation } from './annotation.js';
import { jsonFinding } from './json.js';
import { renderLintReport } from './render.js';
import type { LintFinding, LintReport } from '../report.js';
import { sampleReport } from './test-support/report.js';
import { sarifValidator } from './test-support/sarif-schema.js';

const render = (format: Parameters<typeof renderLintReport>[0], failOn: 'error' | 'warning' | 'info' = 'error', report = sampleReport()) =>
  [...renderLintReport(format, report, { failOn, colors: NO_COLORS })].join('');

describe('lint output formats', () => {
  it('text: one file:line:col line per finding and a summary, colour only when asked', () => {
    expect(render('text')).toBe(
      [
        'deploy/workload.yaml:7:3: error WL-04 Workload ml/train: spec.podGroupTemplates: Required value',
        'deploy/workload.yaml:9:3: warning X-19 Workload ml/train: gang, minCount: 8 > 4 pods, with "quotes", commas\nand a second line',
        'deploy/workload.yaml:11:3: info X-20 Workload ml/train: Job will get a Workload <generated> & a PodGroup',
        '2 objects in 3 files: 1 error, 1 warning, 1 info',
        '',
      ].join('\n'),
    );
    const colored = [...renderLintReport('text', sampleReport(), { failOn: 'error', colors: COLORS })].join('');
    expect(colored).toContain('\x1b[31merror\x1b[39m');
  });

  it('colour is on for a TTY unless NO_COLOR is set and non-empty', () => {
    expect(colorEnabled({ isTTY: true }, {})).toBe(true);
    expect(colorEnabled({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
    expect(colorEnabled({ isTTY: false }, {})).toBe(false);
  });

  it('json: findings, errors and summary', () => {
    const parsed = JSON.parse(render('json')) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['findings', 'errors', 'summary']);
    expect(parsed.findings).toEqual(sampleReport().findings.map(jsonFinding));
    expect((parsed.findings as unknown[])[0]).toEqual({
      object: { apiVersion: 'scheduling.k8s.io/v1alpha2', kind: 'Workload', namespace: 'ml', name: 'train' },
      rule: 'WL-04',
      severity: 'error',
      field: 'spec.podGroupTemplates',
      reason: 'FieldValueRequired',
      message: 'spec.podGroupTemplates: Required value',
      file: 'deploy/workload.yaml',
      line: 7,
      column: 3,
    });
    expect(parsed.errors).toEqual(sampleReport().diagnostics);
    expect(parsed.summary).toEqual({ files: 3, objects: 2, errors: 1, warnings: 1, infos: 1 });
  });

  it('json: byte for byte what JSON.stringify prints, whatever the number of findings', () => {
    const generic = (report: LintReport) =>
      `${JSON.stringify({ findings: report.findings.map(jsonFinding), errors: report.diagnostics, summary: report.summary }, null, 2)}\n`;
    const sample = sampleReport();
    const none: LintReport = { ...sample, findings: [], diagnostics: [], summary: { ...sample.summary, config: 'a "rules" file' } };
    // More findings than one written piece holds, with text that JSON must escape.
    const many: LintReport = {
      ...sample,
      findings: Array.from({ length: 1234 }, (_, i) => ({ ...(sample.findings[i % 3] as LintFinding), line: i, file: `dir/é\t${i}.yaml` })),
    };
    for (const report of [sample, none, many]) expect(render('json', 'error', report)).toBe(generic(report));
  });

  it('sarif: valid against the SARIF 2.1.0 schema, with rule indexes, levels and regions', () => {
    const log = JSON.parse(render('sarif')) as {
      version: string;
      runs: Array<{
        tool: { driver: { rules: Array<{ id: string }> } };
        results: Array<{ ruleId: string; ruleIndex?: number; level: string; locations: Array<{ physicalLocation: { region: object } }> }>;
        invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: unknown[] }>;
      }>;
    };
    expect(sarifValidator()(log)).toEqual([]);
    const [run] = log.runs;
    expect(log.version).toBe('2.1.0');
    expect(run?.tool.driver.rules.map((r) => r.id)).toEqual(RULES_ONE_PER_ID.map((r) => r.id));
    expect(run?.results.map((r) => [r.ruleId, r.level])).toEqual([
      ['WL-04', 'error'],
      ['X-19', 'warning'],
      ['X-20', 'note'],
    ]);
    const wl04 = run?.results[0];
    expect(wl04?.ruleIndex).toBe(RULES_ONE_PER_ID.findIndex((r) => r.id === 'WL-04'));
    expect(wl04?.locations[0]?.physicalLocation.region).toEqual({ startLine: 7, startColumn: 3 });
    expect(run?.invocations[0]?.executionSuccessful).toBe(false);
    expect(run?.invocations[0]?.toolExecutionNotifications).toHaveLength(1);
  });

  it('sarif: the schema check does reject a broken log', () => {
    expect(sarifValidator()({ version: '2.1.0', runs: [{ results: [] }] }).length).toBeGreaterThan(0);
  });

  it('junit: a suite per file, a case per object, failures at --fail-on, errors for unreadable input', () => {
    const xml = render('junit');
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="kubectl-workload lint" tests="3" failures="1" errors="1">/,
    );
    expect(xml).toContain('<testsuite name="deploy/workload.yaml" tests="1" failures="1" errors="0">');
    expect(xml).toContain('<failure message="spec.podGroupTemplates: Required value" type="WL-04">');
    expect(xml).toContain('<testcase name="Pod ml/clean" classname="deploy/pod.yaml"/>');
    expect(xml).toContain('<system-out>deploy/workload.yaml:9:3: warning X-19: gang, minCount: 8 &gt; 4 pods, with &quot;quotes&quot;');
    expect(xml).toContain('<error message="YAML syntax error: unexpected end of the stream">');
    const strict = render('junit', 'info');
    expect(strict.match(/<failure /g)).toHaveLength(3);
    expect(strict).not.toContain('<system-out>');
  });

  it('github: one annotation per finding and per unreadable file, escaped', () => {
    const lines = render('github').trimEnd().split('\n');
    expect(lines).toEqual([
      '::error file=deploy/broken.yaml,line=4,col=9,title=unreadable manifest::YAML syntax error: unexpected end of the stream',
      '::error file=deploy/workload.yaml,line=7,col=3,title=WL-04 Workload ml/train::spec.podGroupTemplates: Required value',
      '::warning file=deploy/workload.yaml,line=9,col=3,title=X-19 Workload ml/train::gang, minCount: 8 > 4 pods, with "quotes", commas%0Aand a second line',
      '::notice file=deploy/workload.yaml,line=11,col=3,title=X-20 Workload ml/train::Job will get a Workload <generated> & a PodGroup',
      '2 objects in 3 files: 1 error, 1 warning, 1 info',
    ]);
  });

  it('github: properties escape : and , and data escapes %', () => {
    expect(annotation('error', { file: 'a,b:c.yaml', title: '50%' }, '100%\r\n')).toBe(
      '::error file=a%2Cb%3Ac.yaml,title=50%25::100%25%0D%0A',
    );
  });
});
