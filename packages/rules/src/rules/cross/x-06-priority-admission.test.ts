// X-06 / PG-52 (ADM-13 under 1.37): PodGroup and CompositePodGroup priority admission. The classes are upstream's admission test fixtures
// (plugin/pkg/admission/priority admission_test.go): default1 = 1000 globalDefault, nondefault1 = 2000.

import type { CompositePodGroup, PriorityClass } from '@kubectl-workload/api';
import { expectRule } from '../../test-support/expect-rule.js';
import { globalDefaultClass } from './x-06-priority-admission.js';
import { podGroup } from './test-support/objects.js';
import { compositePodGroup, podGroup137 } from '../v137/test-support/objects.js';

const priorityClass = (name: string, value: number, globalDefault = false): PriorityClass => ({
  apiVersion: 'scheduling.k8s.io/v1',
  kind: 'PriorityClass',
  metadata: { name },
  value,
  ...(globalDefault ? { globalDefault } : {}),
});
const default1 = priorityClass('default1', 1000, true);
const nondefault1 = priorityClass('nondefault1', 2000);
const gang = { gang: { minCount: 2 } };

const notFound = (name: string) => ({
  reason: 'Forbidden' as const,
  field: 'spec.priorityClassName',
  message: `no PriorityClass with name ${name} was found`,
});
const mismatch = (preset: number, computed: number) => ({
  reason: 'Forbidden' as const,
  field: 'spec.priority',
  message: `the integer value of priority (${preset}) must not be provided in PodGroup spec; priority admission controller computed ${computed} from the given PriorityClass name`,
});

describe('X-06 PodGroup priority admission (PG-52)', () => {
  it('PG-52: rejects a priorityClassName that names no PriorityClass', async () => {
    await expectRule('X-06', podGroup({ schedulingPolicy: gang, priorityClassName: 'missing' }), {
      objects: [default1, nondefault1],
    }).toReport([notFound('missing')]);
  });

  it('PG-52: accepts an existing class, and the system classes every API server has', async () => {
    await expectRule('X-06', podGroup({ schedulingPolicy: gang, priorityClassName: 'nondefault1' }), { objects: [nondefault1] }).toPass();
    await expectRule('X-06', podGroup({ schedulingPolicy: gang, priorityClassName: 'system-cluster-critical', priority: 2000000000 }), {
      objects: [nondefault1],
    }).toPass();
  });

  it('PG-52: rejects a preset priority that differs from the class value, accepts an equal one', async () => {
    await expectRule('X-06', podGroup({ schedulingPolicy: gang, priorityClassName: 'nondefault1', priority: 10 }), {
      objects: [nondefault1],
    }).toReport([mismatch(10, 2000)]);
    await expectRule('X-06', podGroup({ schedulingPolicy: gang, priorityClassName: 'nondefault1', priority: 2000 }), {
      objects: [nondefault1],
    }).toPass();
  });

  it('PG-52: an empty priorityClassName gets the globalDefault class, whose value a preset priority must equal', async () => {
    await expectRule('X-06', podGroup({ schedulingPolicy: gang, priority: 1000 }), { objects: [default1, nondefault1] }).toPass();
    await expectRule('X-06', podGroup({ schedulingPolicy: gang, priority: 2000 }), { objects: [default1, nondefault1] }).toReport([
      mismatch(2000, 1000),
    ]);
  });

  it('PG-52: without a globalDefault class an empty name resolves to priority 0', async () => {
    await expectRule('X-06', podGroup({ schedulingPolicy: gang, priority: 5 }), { objects: [nondefault1] }).toReport([mismatch(5, 0)]);
    await expectRule('X-06', podGroup({ schedulingPolicy: gang, priority: 0 }), { objects: [nondefault1] }).toPass();
  });

  it('X-06: of several globalDefault classes the lowest value wins, as upstream getDefaultPriorityClass picks', () => {
    expect(globalDefaultClass([priorityClass('high', 5000, true), default1, nondefault1])?.metadata?.name).toBe('default1');
  });

  it('X-06: says nothing when no PriorityClass is known (lint input without classes)', async () => {
    await expectRule('X-06', podGroup({ schedulingPolicy: gang, priorityClassName: 'missing', priority: 7 })).toPass();
  });

  it('X-06: skips PodGroups while WorkloadAwarePreemption is off, and updates (admission is a no-op there)', async () => {
    const named = podGroup({ schedulingPolicy: gang, priorityClassName: 'missing' });
    await expectRule('X-06', named, { objects: [default1], gates: { WorkloadAwarePreemption: false } }).toPass();
    await expectRule('X-06', named, { objects: [default1], oldObject: named }).toPass();
  });
});

describe('X-06 under 1.37: PodGroups and CompositePodGroups (ADM-13)', () => {
  const never = { ...nondefault1, metadata: { name: 'never' }, preemptionPolicy: 'Never' as const };
  const cpg = (spec: CompositePodGroup['spec']) =>
    compositePodGroup({ workloadRef: { workloadName: 'train', templateName: 'job' }, ...spec });

  it('ADM-13: runs without WorkloadAwarePreemption (merged into GenericWorkload), on PodGroups', async () => {
    await expectRule('X-06', podGroup137({ priorityClassName: 'nondefault1', priority: 10 }), { objects: [nondefault1] }).toReport([
      mismatch(10, 2000),
    ]);
    await expectRule('X-06', podGroup137({ priorityClassName: 'missing' }), {
      objects: [nondefault1],
      gates: { GenericWorkload: false },
    }).toPass();
  });

  it('ADM-13: resolves a CompositePodGroup class the same way, naming its kind', async () => {
    await expectRule('X-06', cpg({ priorityClassName: 'missing' }), { objects: [nondefault1] }).toReport([notFound('missing')]);
    await expectRule('X-06', cpg({ priorityClassName: 'nondefault1', priority: 1 }), { objects: [nondefault1] }).toReport([
      {
        ...mismatch(1, 2000),
        message:
          'the integer value of priority (1) must not be provided in CompositePodGroup spec; priority admission controller computed 2000 from the given PriorityClass name',
      },
    ]);
    await expectRule('X-06', cpg({ priorityClassName: 'nondefault1', priority: 2000 }), { objects: [nondefault1] }).toPass();
  });

  it("ADM-13: with PodGroupPreemptionPolicy a preset preemptionPolicy must equal the class's (PreemptLowerPriority when it has none)", async () => {
    await expectRule('X-06', cpg({ priorityClassName: 'never', preemptionPolicy: 'PreemptLowerPriority' }), { objects: [never] }).toReport([
      {
        reason: 'Forbidden',
        field: 'spec.preemptionPolicy',
        message:
          'the string value of PreemptionPolicy (PreemptLowerPriority) must not be provided in CompositePodGroup spec; priority admission controller computed Never from the given PriorityClass name',
      },
    ]);
    await expectRule('X-06', podGroup137({ preemptionPolicy: 'Never' }), { objects: [default1] }).toReport([
      {
        reason: 'Forbidden',
        field: 'spec.preemptionPolicy',
        message:
          'the string value of PreemptionPolicy (Never) must not be provided in PodGroup spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name',
      },
    ]);
    await expectRule('X-06', podGroup137({ preemptionPolicy: 'Never' }), {
      objects: [default1],
      gates: { PodGroupPreemptionPolicy: false },
    }).toPass();
    await expectRule('X-06', cpg({ priorityClassName: 'never', preemptionPolicy: 'Never' }), { objects: [never] }).toPass();
  });
});
