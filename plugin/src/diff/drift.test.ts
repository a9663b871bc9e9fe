import { computeDrift } from './drift.js';
import {
  compositePodGroup,
  gangTemplate,
  podGroup,
  podGroup137,
  templateRef,
  workload,
  workload137,
} from '../status/test-support/objects.js';

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

  describe('on 1.37 (api-rules-1.37.md §9)', () => {
    const tree = {
      compositePodGroupTemplates: [
        {
          name: 'job',
          schedulingPolicy: { gang: { minGroupCount: 2 } },
          disruptionMode: { all: {} },
          compositePodGroupTemplates: [
            {
              name: 'stage',
              schedulingPolicy: { basic: {} },
              podGroupTemplates: [{ name: 'workers', schedulingPolicy: { gang: { minCount: 3 } } }],
            },
          ],
          podGroupTemplates: [{ name: 'leader', schedulingPolicy: { gang: { minCount: 1 } }, disruptionMode: { single: {} } }],
        },
        {
          name: 'spare',
          schedulingPolicy: { basic: {} },
          podGroupTemplates: [{ name: 'extra', schedulingPolicy: { gang: { minCount: 1 } } }],
        },
      ],
    };
    const train = (generation: number) => workload137('train', tree, { metadata: { name: 'train', namespace: 'default', generation } });
    const member = (name: string, template: string, minCount: number, extra: Record<string, unknown> = {}, generation = 1) =>
      podGroup137(
        name,
        { workloadRef: { workloadName: 'train', templateName: template }, schedulingPolicy: { gang: { minCount } }, ...extra },
        { metadata: { name, namespace: 'default', generation } },
      );
    const job = compositePodGroup('train-job', {
      workloadRef: { workloadName: 'train', templateName: 'job' },
      schedulingPolicy: { gang: { minGroupCount: 2 } },
      disruptionMode: { all: {} },
    });

    it('finds templates anywhere in the tree by workloadRef, and compares the disruptionMode union', () => {
      const report = computeDrift([train(1)], [member('train-leader', 'leader', 1, { disruptionMode: { all: {} } })], undefined, [job]);
      expect(report.templates.map((t) => t.template)).toEqual(['extra', 'leader', 'workers']);
      const leader = report.templates.find((t) => t.template === 'leader')?.podGroups[0];
      expect(leader?.differences.map((d) => [d.field, d.podGroup, d.template])).toEqual([['disruptionMode', { all: {} }, { single: {} }]]);
      expect(report.drift).toBe(true);
    });

    it('a gang minCount the template changed is not drift; one the PodGroup changed, or was made with, is', () => {
      const followed = computeDrift([train(2)], [member('w', 'workers', 2)], undefined, [job]);
      const w = followed.templates.find((t) => t.template === 'workers')?.podGroups[0];
      expect(w).toMatchObject({
        differences: [],
        patch: [],
        minCount: { podGroup: 2, template: 3, changedBy: 'template', workloadGeneration: 2 },
      });
      expect(followed.drift).toBe(false);

      const edited = computeDrift([train(1)], [member('w', 'workers', 2, {}, 3)], undefined, [job]);
      const e = edited.templates.find((t) => t.template === 'workers')?.podGroups[0];
      expect(e?.minCount?.changedBy).toBe('podGroup');
      // minCount is the one mutable policy field in 1.37 (PG-22): the patch names it, not the whole policy.
      expect(e?.patch).toEqual([{ op: 'replace', path: '/spec/schedulingPolicy/gang/minCount', value: 3 }]);
      expect(edited.drift).toBe(true);

      const made = computeDrift([train(1)], [member('w', 'workers', 2)], undefined, [job]);
      expect(made.templates.find((t) => t.template === 'workers')?.podGroups[0]?.minCount?.changedBy).toBe('creation');
      expect(made.drift).toBe(true);
    });

    it('a changed template does not excuse a basic/gang switch', () => {
      const basic = podGroup137('w', { workloadRef: { workloadName: 'train', templateName: 'workers' }, schedulingPolicy: { basic: {} } });
      const report = computeDrift([train(2)], [basic], undefined, [job]);
      expect(report.templates.find((t) => t.template === 'workers')?.podGroups[0]).toMatchObject({
        differences: [{ field: 'schedulingPolicy' }],
      });
      expect(report.drift).toBe(true);
    });

    it('compares composite templates with their CompositePodGroups: minGroupCount, policy, union disruptionMode', () => {
      const drifted = compositePodGroup('train-job', {
        workloadRef: { workloadName: 'train', templateName: 'job' },
        schedulingPolicy: { gang: { minGroupCount: 1 } },
      });
      const stage = compositePodGroup('train-stage', {
        parentCompositePodGroupName: 'train-job',
        workloadRef: { workloadName: 'train', templateName: 'stage' },
        schedulingPolicy: { basic: {} },
        disruptionMode: { single: {} },
      });
      const report = computeDrift([train(2)], [], undefined, [drifted, stage]);
      expect(report.compositeTemplates.map((t) => [t.template, t.compositePodGroups.map((g) => g.name)])).toEqual([
        ['job', ['train-job']],
        ['spare', []],
        ['stage', ['train-stage']],
      ]);
      const job1 = report.compositeTemplates[0]?.compositePodGroups[0];
      expect(job1?.differences.map((d) => d.field)).toEqual(['schedulingPolicy', 'disruptionMode']);
      expect(job1?.patch[0]).toEqual({ op: 'replace', path: '/spec/schedulingPolicy', value: { gang: { minGroupCount: 2 } } });
      expect(report.compositeTemplates[2]?.compositePodGroups[0]?.differences).toEqual([]);
      expect(report.unusedCompositeTemplates).toEqual([{ namespace: 'default', workload: 'train', template: 'spare' }]);
      expect(report.drift).toBe(true);
    });

    it('reports CompositePodGroups whose Workload or composite template is gone, and a PodGroup naming a composite template', () => {
      const lost = compositePodGroup('old', { workloadRef: { workloadName: 'old', templateName: 'job' } });
      const renamed = compositePodGroup('renamed', { workloadRef: { workloadName: 'train', templateName: 'gone' } });
      const wrongKind = member('wrong', 'job', 1);
      const report = computeDrift([train(1)], [wrongKind], undefined, [lost, renamed, job]);
      expect(report.compositeOrphans).toEqual([
        { namespace: 'default', compositePodGroup: 'old', workload: 'old', template: 'job', reason: 'WorkloadNotFound' },
        { namespace: 'default', compositePodGroup: 'renamed', workload: 'train', template: 'gone', reason: 'TemplateNotFound' },
      ]);
      expect(report.orphans).toEqual([
        { namespace: 'default', podGroup: 'wrong', workload: 'train', template: 'job', reason: 'TemplateNotFound' },
      ]);
      expect(report.drift).toBe(true);
    });
  });
});
