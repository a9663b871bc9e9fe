import { POD_GROUP_SCHEDULED } from '@kubectl-workload/api';
import { statusRows } from './rows.js';
import { compositePodGroup, pod, podGroup, podGroup137, templateRef } from './test-support/objects.js';

describe('statusRows', () => {
  const gang = podGroup(
    'train',
    {
      podGroupTemplateRef: templateRef('llm', 'workers'),
      schedulingPolicy: { gang: { minCount: 3 } },
      schedulingConstraints: { topology: [{ key: 'topology.kubernetes.io/rack' }] },
    },
    {
      status: { conditions: [{ type: POD_GROUP_SCHEDULED, status: 'False', reason: 'Unschedulable', message: 'no fit' }] },
    },
  );
  const basic = podGroup('alpha', { schedulingPolicy: { basic: {} } });
  const other = podGroup('train', { schedulingPolicy: { basic: {} } }, {}, 'team-b');

  it('counts the pods naming each group in its own namespace, scheduled meaning bound to a node', () => {
    const rows = statusRows(
      [gang, basic, other],
      [
        pod('t-0', 'train', { nodeName: 'n1' }),
        pod('t-1', 'train'),
        pod('t-2', 'train', { namespace: 'team-b' }),
        pod('loose', undefined, { nodeName: 'n1' }),
      ],
    );
    expect(rows.map((r) => [r.namespace, r.name, r.pods])).toEqual([
      ['default', 'alpha', { scheduled: 0, total: 0 }],
      ['default', 'train', { scheduled: 1, total: 2 }],
      ['team-b', 'train', { scheduled: 0, total: 1 }],
    ]);
  });

  it('reads policy, minCount, template reference, topology and the PodGroupScheduled condition', () => {
    const [alpha, train] = statusRows([gang, basic], []);
    expect(train).toMatchObject({
      workload: { name: 'llm', template: 'workers' },
      policy: 'Gang',
      minCount: 3,
      topologyKey: 'topology.kubernetes.io/rack',
      scheduled: { status: 'False', reason: 'Unschedulable', message: 'no fit' },
    });
    expect(alpha).toMatchObject({ workload: null, policy: 'Basic', minCount: null, scheduled: null, topologyKey: null });
  });

  describe('on 1.37', () => {
    const root = compositePodGroup('train', {
      workloadRef: { workloadName: 'llm', templateName: 'train' },
      schedulingPolicy: { gang: { minGroupCount: 2 } },
      disruptionMode: { all: {} },
    });
    const mid = compositePodGroup('stage', {
      parentCompositePodGroupName: 'train',
      workloadRef: { workloadName: 'llm', templateName: 'stage' },
      schedulingPolicy: { basic: {} },
    });
    const leader = podGroup137('leader', {
      parentCompositePodGroupName: 'train',
      workloadRef: { workloadName: 'llm', templateName: 'leader' },
      schedulingPolicy: { gang: { minCount: 1 } },
      disruptionMode: { single: {} },
    });
    const workers = podGroup137(
      'workers',
      {
        parentCompositePodGroupName: 'stage',
        workloadRef: { workloadName: 'llm', templateName: 'workers' },
        schedulingPolicy: { gang: { minCount: 2 } },
      },
      {
        status: {
          conditions: [
            { type: 'PodGroupScheduled', status: 'True', reason: 'Scheduled' },
            {
              type: 'PodGroupInitiallyScheduled',
              status: 'False',
              reason: 'Unschedulable',
              message: 'minCount (2) cannot be satisfied: 1 scheduled, 0 remaining',
            },
          ],
        },
      },
    );
    const lost = podGroup137('lost', { parentCompositePodGroupName: 'gone', schedulingPolicy: { basic: {} } });
    const alone = podGroup137('alone', { schedulingPolicy: { basic: {} } });
    const pods = [pod('l0', 'leader', { nodeName: 'n1' }), pod('w0', 'workers', { nodeName: 'n1' }), pod('w1', 'workers')];
    const rows = statusRows([workers, lost, leader, alone], pods, [mid, root]);

    it('lists each hierarchy parent first, composites before PodGroups, groups with a missing parent as roots', () => {
      expect(rows.map((r) => `${r.kind}/${r.name} <- ${r.parent ?? '-'}`)).toEqual([
        'PodGroup/alone <- -',
        'PodGroup/lost <- gone',
        'CompositePodGroup/train <- -',
        'CompositePodGroup/stage <- train',
        'PodGroup/workers <- stage',
        'PodGroup/leader <- train',
      ]);
    });

    it('counts the pods of every PodGroup below a CompositePodGroup and reads minGroupCount as its MIN', () => {
      const byName = new Map(rows.map((r) => [r.name, r]));
      expect(byName.get('train')).toMatchObject({
        policy: 'Gang',
        minCount: 2,
        pods: { scheduled: 2, total: 3 },
        workload: { name: 'llm', template: 'train' },
      });
      expect(byName.get('stage')).toMatchObject({ policy: 'Basic', minCount: null, pods: { scheduled: 1, total: 2 } });
    });

    it('reads the condition under its 1.37 name and the disruptionMode union as its member', () => {
      const byName = new Map(rows.map((r) => [r.name, r]));
      expect(byName.get('workers')?.scheduled).toEqual({
        status: 'False',
        reason: 'Unschedulable',
        message: 'minCount (2) cannot be satisfied: 1 scheduled, 0 remaining',
      });
      expect(byName.get('train')?.disruptionMode).toBe('all');
      expect(byName.get('leader')).toMatchObject({
        disruptionMode: 'single',
        workload: { name: 'llm', template: 'leader' },
        scheduled: null,
      });
    });

    it('lists every group of a parent cycle once (the scheduler rejects cycles, status still shows them)', () => {
      const a = compositePodGroup('a', { parentCompositePodGroupName: 'b' });
      const b = compositePodGroup('b', { parentCompositePodGroupName: 'a' });
      const inCycle = podGroup137('in-cycle', { parentCompositePodGroupName: 'a' });
      const cycleRows = statusRows([inCycle], [pod('c0', 'in-cycle')], [a, b]);
      expect(cycleRows.map((r) => [r.name, r.pods.total])).toEqual([
        ['a', 1],
        ['b', 1],
        ['in-cycle', 1],
      ]);
    });
  });
});
