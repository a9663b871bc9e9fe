import { computeDrift } from './drift.js';
import { gangTemplate, podGroup, templateRef, workload } from '../status/test-support/objects.js';

const llm = workload('llm', [gangTemplate('workers', 4, { priorityClassName: 'high' }), gangTemplate('evaluator', 1)]);
const faithful = podGroup('llm-workers-a', {
  podGroupTemplateRef: templateRef('llm', 'workers'),
  schedulingPolicy: { gang: { minCount: 4 } },
  priorityClassName: 'high',
  disruptionMode: 'Pod',
});
const drifted = podGroup('llm-workers-b', {
  podGroupTemplateRef: templateRef('llm', 'workers'),
  schedulingPolicy: { gang: { minCount: 3 } },
});
const lostWorkload = podGroup('old-workers', { podGroupTemplateRef: templateRef('old', 'workers'), schedulingPolicy: { basic: {} } });
const lostTemplate = podGroup('llm-trainer', { podGroupTemplateRef: templateRef('llm', 'trainer'), schedulingPolicy: { basic: {} } });
const standalone = podGroup('solo', { schedulingPolicy: { basic: {} } });
const otherNamespace = podGroup(
  'llm-workers-c',
  { podGroupTemplateRef: templateRef('llm', 'workers'), schedulingPolicy: { gang: { minCount: 4 } } },
  {},
  'team-b',
);

describe('computeDrift', () => {
  it('reports no drift when every PodGroup matches its template', () => {
    const report = computeDrift([llm], [faithful]);
    expect(report.drift).toBe(false);
    expect(report.templates.map((t) => [t.template, t.podGroups.map((g) => g.name)])).toEqual([
      ['evaluator', []],
      ['workers', ['llm-workers-a']],
    ]);
    expect(report.unusedTemplates).toEqual([{ namespace: 'default', workload: 'llm', template: 'evaluator' }]);
  });

  it('lists field differences (X-10, X-14) with the patch that would restore the template values', () => {
    const report = computeDrift([llm], [faithful, drifted, standalone]);
    expect(report.drift).toBe(true);
    const b = report.templates.find((t) => t.template === 'workers')?.podGroups.find((g) => g.name === 'llm-workers-b');
    expect(b?.differences.map((d) => d.field)).toEqual(['schedulingPolicy', 'priorityClassName']);
    expect(b?.patch).toEqual([
      { op: 'replace', path: '/spec/schedulingPolicy', value: { gang: { minCount: 4 } } },
      { op: 'add', path: '/spec/priorityClassName', value: 'high' },
    ]);
  });

  it('reports PodGroups whose Workload or template is gone (X-22), matching within the namespace only', () => {
    const report = computeDrift([llm], [lostWorkload, lostTemplate, otherNamespace]);
    expect(report.orphans).toEqual([
      { namespace: 'default', podGroup: 'llm-trainer', workload: 'llm', template: 'trainer', reason: 'TemplateNotFound' },
      { namespace: 'default', podGroup: 'old-workers', workload: 'old', template: 'workers', reason: 'WorkloadNotFound' },
      { namespace: 'team-b', podGroup: 'llm-workers-c', workload: 'llm', template: 'workers', reason: 'WorkloadNotFound' },
    ]);
    expect(report.drift).toBe(true);
  });

  it('limits the report to one Workload when asked', () => {
    const report = computeDrift([llm, workload('other', [gangTemplate('x', 1)])], [drifted, lostWorkload], 'llm');
    expect(report.templates.map((t) => t.workload)).toEqual(['llm', 'llm']);
    expect(report.orphans).toEqual([]);
  });
});
