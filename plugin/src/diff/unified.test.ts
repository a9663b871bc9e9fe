import { namespaceOf, nameOf, type PodGroup } from '@kubectl-workload/api';
import { computeDrift } from './drift.js';
import { renderUnifiedDiff, unusedTemplateNotes } from './unified.js';
import { gangTemplate, podGroup, templateRef, workload } from '../status/test-support/objects.js';

const byKey = (groups: PodGroup[]) => new Map(groups.map((g) => [`${namespaceOf(g)}/${nameOf(g)}`, g]));

describe('renderUnifiedDiff', () => {
  it('prints a diff -u hunk per drifted PodGroup: template values as -, PodGroup values as +', () => {
    const groups = [
      podGroup('inference-0', {
        podGroupTemplateRef: templateRef('inference', 'replicas'),
        schedulingPolicy: { gang: { minCount: 3 } },
        priorityClassName: 'low',
      }),
    ];
    const report = computeDrift([workload('inference', [gangTemplate('replicas', 2, { priorityClassName: 'high' })])], groups);
    expect(renderUnifiedDiff(report, byKey(groups))).toBe(
      'diff -u -N Workload/default/inference#podGroupTemplates[replicas] PodGroup/default/inference-0\n' +
        '--- Workload/default/inference#podGroupTemplates[replicas]\n' +
        '+++ PodGroup/default/inference-0\t(PodGroup spec is immutable: recreate it to fix)\n' +
        '@@ -1,5 +1,5 @@\n' +
        ' spec:\n' +
        '   schedulingPolicy:\n' +
        '     gang:\n' +
        '-      minCount: 2\n' +
        '-  priorityClassName: high\n' +
        '+      minCount: 3\n' +
        '+  priorityClassName: low\n',
    );
  });

  it('shows a PodGroup whose Workload is gone as added against an empty template', () => {
    const groups = [podGroup('old-workers', { podGroupTemplateRef: templateRef('old', 'workers'), schedulingPolicy: { basic: {} } })];
    const out = renderUnifiedDiff(computeDrift([], groups), byKey(groups));
    expect(out.split('\n').slice(1, 6)).toEqual([
      '--- Workload/default/old#podGroupTemplates[workers]\t(Workload "old" not found)',
      '+++ PodGroup/default/old-workers',
      '@@ -0,0 +1,3 @@',
      '+spec:',
      '+  schedulingPolicy:',
    ]);
  });

  it('prints nothing without drift and notes unused templates separately', () => {
    const wl = workload('llm', [gangTemplate('workers', 2)]);
    const report = computeDrift([wl], []);
    expect(renderUnifiedDiff(report, new Map())).toBe('');
    expect(unusedTemplateNotes(report)).toEqual(['info: Workload/default/llm#podGroupTemplates[workers] has no PodGroup']);
  });
});
