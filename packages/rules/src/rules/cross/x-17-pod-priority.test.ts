import { expectRule } from '../../test-support/expect-rule.js';
import { NS, pod, podGroup } from './test-support/objects.js';
import { podGroup137 } from '../v137/test-support/objects.js';

const group = podGroup({ schedulingPolicy: { basic: {} }, priorityClassName: 'high', priority: 1000 }, { name: 'pg' });
const WHY = "the 1.37 scheduler rejects pods whose priority differs from their group's";

describe("X-17 pod priority matches its PodGroup's", () => {
  it('accepts matching values', async () => {
    await expectRule('X-17', pod({ schedulingGroup: { podGroupName: 'pg' }, priorityClassName: 'high', priority: 1000 }), {
      objects: [group],
    }).toPass();
  });

  it('warns on a missing class and a different priority', async () => {
    await expectRule('X-17', pod({ schedulingGroup: { podGroupName: 'pg' }, priority: 7 }), { objects: [group] }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.priorityClassName',
        message: `spec.priorityClassName: Invalid value: "": must match the priorityClassName of PodGroup "pg", "high": ${WHY}`,
      },
      {
        reason: 'FieldValueInvalid',
        field: 'spec.priority',
        message: `spec.priority: Invalid value: 7: must match the priority of PodGroup "pg", 1000: ${WHY}`,
      },
    ]);
  });

  it('needs WorkloadAwarePreemption', async () => {
    await expectRule('X-17', pod({ schedulingGroup: { podGroupName: 'pg' } }), {
      objects: [group],
      gates: { WorkloadAwarePreemption: false },
    }).toPass();
  });

  it('runs under 1.37, where WorkloadAwarePreemption was merged into GenericWorkload', async () => {
    const group137 = podGroup137({ priorityClassName: 'high' }, { metadata: { name: 'pg', namespace: NS } });
    await expectRule('X-17', pod({ schedulingGroup: { podGroupName: 'pg' } }), { kubeVersion: '1.37', objects: [group137] }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.priorityClassName',
        message: `spec.priorityClassName: Invalid value: "": must match the priorityClassName of PodGroup "pg", "high": ${WHY}`,
      },
    ]);
  });

  it("POD-12: under 1.37 with PodGroupPreemptionPolicy the pod takes its group's preemptionPolicy too", async () => {
    const group137 = podGroup137({ preemptionPolicy: 'Never' }, { metadata: { name: 'pg', namespace: NS } });
    const podWith = (preemptionPolicy: string) => pod({ schedulingGroup: { podGroupName: 'pg' }, preemptionPolicy });
    const c = { kubeVersion: '1.37' as const, objects: [group137] };
    await expectRule('X-17', podWith('PreemptLowerPriority'), c).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.preemptionPolicy',
        message:
          'spec.preemptionPolicy: Invalid value: "PreemptLowerPriority": must match the preemptionPolicy of PodGroup "pg", "Never": the 1.37 scheduler rejects pods whose preemptionPolicy differs from their group\'s',
      },
    ]);
    await expectRule('X-17', podWith('Never'), c).toPass();
    await expectRule('X-17', podWith('PreemptLowerPriority'), { ...c, gates: { PodGroupPreemptionPolicy: false } }).toPass();
  });
});
