import type { CompositePodGroup, PodGroup } from '@kubectl-workload/api';
import { computeDrift } from './drift.js';
import { diffPairs, liveKey, renderUnifiedDiff, unusedTemplateNotes } from './unified.js';
import {
  compositePodGroup,
  gangTemplate,
  podGroup,
  podGroup137,
  templateRef,
  workload,
  workload137,
} from '../status/test-support/objects.js';

const byKey = (groups: Array<PodGroup | CompositePodGroup>) => new Map(groups.map((g) => [liveKey(g), g]));

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

  describe('on 1.37', () => {
    const train = (generation: number) =>
      workload137(
        'train',
        {
          compositePodGroupTemplates: [
            {
              name: 'job',
              schedulingPolicy: { gang: { minGroupCount: 2 } },
              podGroupTemplates: [{ name: 'workers', schedulingPolicy: { gang: { minCount: 3 } } }],
            },
          ],
        },
        { metadata: { name: 'train', namespace: 'default', generation } },
      );
    const job = compositePodGroup('train-job', {
      workloadRef: { workloadName: 'train', templateName: 'job' },
      schedulingPolicy: { gang: { minGroupCount: 1 } },
    });
    const workers = podGroup137('train-workers', {
      parentCompositePodGroupName: 'train-job',
      workloadRef: { workloadName: 'train', templateName: 'workers' },
      schedulingPolicy: { gang: { minCount: 2 } },
    });

    it('diffs a CompositePodGroup against its composite template, named by kind and version as kubectl names files', () => {
      const report = computeDrift([train(2)], [workers], undefined, [job]);
      expect(renderUnifiedDiff(report, byKey([workers, job]))).toBe(
        'diff -u -N Workload/default/train#compositePodGroupTemplates[job] CompositePodGroup/default/train-job\n' +
          '--- Workload/default/train#compositePodGroupTemplates[job]\n' +
          '+++ CompositePodGroup/default/train-job\t(CompositePodGroup spec is immutable: recreate it to fix)\n' +
          '@@ -1,4 +1,4 @@\n' +
          ' spec:\n' +
          '   schedulingPolicy:\n' +
          '     gang:\n' +
          '-      minGroupCount: 2\n' +
          '+      minGroupCount: 1\n',
      );
      expect(diffPairs(report, byKey([workers, job])).map((p) => p.fileName)).toEqual([
        'scheduling.k8s.io.v1alpha3.CompositePodGroup.default.train-job',
      ]);
    });

    it('says on stderr which minCount the template changed, instead of showing it as drift', () => {
      const report = computeDrift([train(2)], [workers], undefined, [job]);
      expect(unusedTemplateNotes(report)).toEqual([
        'info: PodGroup/default/train-workers has gang minCount 2, template "workers" now says 3: the template changed it ' +
          '(Workload generation 2); minCount is mutable in 1.37 (WL-29, PG-22), so this is not drift (X-10)',
      ]);
    });

    it('shows a minCount the PodGroup was made with as drift, fixable in place', () => {
      const report = computeDrift([train(1)], [workers], undefined, [job]);
      const [pair] = diffPairs(report, byKey([workers, job]));
      expect(pair).toMatchObject({
        newLabel: 'PodGroup/default/train-workers',
        newNote: '(PodGroup spec is immutable but for gang minCount: recreate it to fix the rest)',
        fileName: 'scheduling.k8s.io.v1beta1.PodGroup.default.train-workers',
      });
      expect(unusedTemplateNotes(report)).toEqual([]);
    });
  });
});
