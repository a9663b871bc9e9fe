import { POD_GROUP_SCHEDULED } from '@kubectl-workload/api';
import { statusRows } from './rows.js';
import { pod, podGroup, templateRef } from './test-support/objects.js';

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
});
