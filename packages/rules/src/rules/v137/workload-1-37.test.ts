// Workload rules of Kubernetes 1.37 (api-rules-1.37.md §4), on v1beta1 objects.

import { describe, expect, it } from '@jest/globals';
import { expectRule, findingsOf, printed } from '../../test-support/expect-rule.js';
import { composite, gangTemplate, workload137 } from './test-support/objects.js';

const inv = (field: string, value: string, detail: string) => ({
  reason: 'FieldValueInvalid' as const,
  field,
  message: `${field}: Invalid value: ${value}: ${detail}`,
});
const forb = (field: string, detail = '') => ({
  reason: 'FieldValueForbidden' as const,
  field,
  message: `${field}: Forbidden${detail ? `: ${detail}` : ''}`,
});

describe('WL-04 (1.37) one of the two template lists', () => {
  it('rejects a Workload with neither, on spec', async () => {
    await expectRule('WL-04', workload137({})).toReport([
      inv('spec', '""', 'must specify one of: `podGroupTemplates`, `compositePodGroupTemplates`'),
    ]);
    await expectRule('WL-04', workload137({ podGroupTemplates: [] })).toReport([
      inv('spec', '""', 'must specify one of: `podGroupTemplates`, `compositePodGroupTemplates`'),
    ]);
  });
  it('rejects both', async () => {
    await expectRule(
      'WL-04',
      workload137({ podGroupTemplates: [gangTemplate('a')], compositePodGroupTemplates: [composite('c')] }),
    ).toReport([
      inv(
        'spec',
        '"{podGroupTemplates, compositePodGroupTemplates}"',
        'must specify exactly one of: `podGroupTemplates`, `compositePodGroupTemplates`',
      ),
    ]);
  });
  it('accepts either one', async () => {
    await expectRule('WL-04', workload137({ podGroupTemplates: [gangTemplate('a')] })).toPass();
    await expectRule('WL-04', workload137({ compositePodGroupTemplates: [composite('c')] })).toPass();
  });
});

describe('WL-25..27 (1.37) preemption fields without a gate', () => {
  it('WL-25: a disruptionMode union member, and both members rejected', async () => {
    await expectRule('WL-25', workload137({ podGroupTemplates: [gangTemplate('a', { disruptionMode: { all: {} } })] })).toPass();
    await expectRule(
      'WL-25',
      workload137({ podGroupTemplates: [gangTemplate('a', { disruptionMode: { single: {}, all: {} } })] }),
    ).toReport([inv('spec.podGroupTemplates[0].disruptionMode', '"{single, all}"', 'must specify exactly one of: `single`, `all`')]);
  });
  it('WL-26/27: checked with every 1.37 gate off', async () => {
    const off = {
      GenericWorkload: false,
      TopologyAwareWorkloadScheduling: false,
      WorkloadWithJob: false,
      CompositePodGroup: false,
      PodGroupPreemptionPolicy: false,
    };
    const obj = workload137({ podGroupTemplates: [gangTemplate('a', { priorityClassName: 'High', priority: 2000000000 })] });
    await expectRule('WL-26', obj, { gates: off }).toReport([
      inv(
        'spec.podGroupTemplates[0].priorityClassName',
        '"High"',
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      ),
    ]);
    await expectRule('WL-27', obj, { gates: off }).toReport([
      inv('spec.podGroupTemplates[0].priority', '2000000000', 'must be less than or equal to 1000000000'),
    ]);
  });
});

describe('WL-29 (1.37) template updates', () => {
  const before = workload137({
    podGroupTemplates: [gangTemplate('a'), gangTemplate('b', { schedulingConstraints: { topology: [{ key: 'zone' }] } })],
  });
  it('lets gang.minCount change (elastic Jobs, JOB-27) but not below 1', async () => {
    await expectRule(
      'WL-29',
      workload137({
        podGroupTemplates: [gangTemplate('a', { schedulingPolicy: { gang: { minCount: 8 } } }), before.spec?.podGroupTemplates?.[1] ?? {}],
      }),
      { oldObject: before },
    ).toPass();
    await expectRule(
      'WL-29',
      workload137({
        podGroupTemplates: [gangTemplate('a', { schedulingPolicy: { gang: { minCount: -1 } } }), before.spec?.podGroupTemplates?.[1] ?? {}],
      }),
      { oldObject: before },
    ).toReport([inv('spec.podGroupTemplates[0].schedulingPolicy.gang.minCount', '-1', 'must be greater than or equal to 1')]);
  });
  it('reports an added and a removed template, and a gang→basic switch twice', async () => {
    const after = workload137({ podGroupTemplates: [{ name: 'a', schedulingPolicy: { basic: {} } }, gangTemplate('c')] });
    await expectRule('WL-29', after, { oldObject: before }).toReport([
      forb('spec.podGroupTemplates[1]', 'item may not be added'),
      forb('spec.podGroupTemplates', 'item may not be removed'),
      inv('spec.podGroupTemplates[0].schedulingPolicy.basic', 'null', 'field is immutable'),
      inv('spec.podGroupTemplates[0].schedulingPolicy.gang', 'null', 'field cannot be cleared once set'),
    ]);
  });
  it('keeps every other template field immutable on its own path', async () => {
    const after = workload137({
      podGroupTemplates: [gangTemplate('a'), gangTemplate('b', { schedulingConstraints: { topology: [{ key: 'rack' }] } })],
    });
    await expectRule('WL-29', after, { oldObject: before }).toReport([
      inv('spec.podGroupTemplates[1].schedulingConstraints', 'null', 'field is immutable'),
    ]);
  });
});

describe('WL-32 preemptionPolicy', () => {
  const obj = workload137({
    compositePodGroupTemplates: [
      composite('c', { podGroupTemplates: [gangTemplate('w', { preemptionPolicy: 'Sometimes' })] }, { preemptionPolicy: 'Never' }),
    ],
  });
  it('is forbidden while PodGroupPreemptionPolicy is off', async () => {
    await expectRule('WL-32', obj, { gates: { PodGroupPreemptionPolicy: false } }).toReport([
      forb('spec.compositePodGroupTemplates[0].podGroupTemplates[0].preemptionPolicy'),
      forb('spec.compositePodGroupTemplates[0].preemptionPolicy'),
    ]);
  });
  it('is one of the enum, sorted in the message', async () => {
    await expectRule('WL-32', obj).toReport([
      {
        reason: 'FieldValueNotSupported',
        field: 'spec.compositePodGroupTemplates[0].podGroupTemplates[0].preemptionPolicy',
        message:
          'spec.compositePodGroupTemplates[0].podGroupTemplates[0].preemptionPolicy: Unsupported value: "Sometimes": supported values: "Never", "PreemptLowerPriority"',
      },
    ]);
  });
});

describe('WL-33 compositePodGroupTemplates', () => {
  it('is forbidden while CompositePodGroup is off', async () => {
    await expectRule('WL-33', workload137({ compositePodGroupTemplates: [composite('c')] }), {
      gates: { CompositePodGroup: false },
    }).toReport([forb('spec.compositePodGroupTemplates')]);
  });
  it('allows at most 8 unique names', async () => {
    const many = Array.from({ length: 9 }, (_, i) => composite(`c${i}`));
    await expectRule('WL-33', workload137({ compositePodGroupTemplates: many })).toReport([
      {
        reason: 'FieldValueTooMany',
        field: 'spec.compositePodGroupTemplates',
        message: 'spec.compositePodGroupTemplates: Too many: 9: must have at most 8 items',
      },
    ]);
  });
});

describe('WL-34 composite template fields', () => {
  it('requires a name, one policy and minGroupCount ≥ 1', async () => {
    const bad = { schedulingPolicy: { gang: { minGroupCount: 0 } }, podGroupTemplates: [gangTemplate('w')] };
    await expectRule('WL-34', workload137({ compositePodGroupTemplates: [bad] })).toReport([
      {
        reason: 'FieldValueRequired',
        field: 'spec.compositePodGroupTemplates[0].name',
        message: 'spec.compositePodGroupTemplates[0].name: Required value',
      },
      {
        reason: 'FieldValueRequired',
        field: 'spec.compositePodGroupTemplates[0].schedulingPolicy.gang.minGroupCount',
        message: 'spec.compositePodGroupTemplates[0].schedulingPolicy.gang.minGroupCount: Required value',
      },
    ]);
  });
  it('allows one topology key, not gated by TopologyAwareWorkloadScheduling', async () => {
    const obj = workload137({
      compositePodGroupTemplates: [composite('c', undefined, { schedulingConstraints: { topology: [{ key: 'zone' }, { key: 'rack' }] } })],
    });
    await expectRule('WL-34', obj, { gates: { TopologyAwareWorkloadScheduling: false } }).toReport([
      {
        reason: 'FieldValueTooMany',
        field: 'spec.compositePodGroupTemplates[0].schedulingConstraints.topology',
        message: 'spec.compositePodGroupTemplates[0].schedulingConstraints.topology: Too many: 2: must have at most 1 item',
      },
    ]);
  });
  it('skips the checks behind a failed maxItems (early return): topology keys, duplicate child names', async () => {
    const children = { podGroupTemplates: Array.from({ length: 9 }, () => gangTemplate('same')) };
    const obj = workload137({
      compositePodGroupTemplates: [composite('c', children, { schedulingConstraints: { topology: [{ key: 'Bad Key' }, {}] } })],
    });
    await expectRule('WL-34', obj).toReport([
      {
        reason: 'FieldValueTooMany',
        field: 'spec.compositePodGroupTemplates[0].schedulingConstraints.topology',
        message: 'spec.compositePodGroupTemplates[0].schedulingConstraints.topology: Too many: 2: must have at most 1 item',
      },
      {
        reason: 'FieldValueTooMany',
        field: 'spec.compositePodGroupTemplates[0].podGroupTemplates',
        message: 'spec.compositePodGroupTemplates[0].podGroupTemplates: Too many: 9: must have at most 8 items',
      },
    ]);
  });
  it('lets minGroupCount change on update but not the policy kind', async () => {
    const before = workload137({ compositePodGroupTemplates: [composite('c')] });
    await expectRule(
      'WL-34',
      workload137({ compositePodGroupTemplates: [composite('c', undefined, { schedulingPolicy: { gang: { minGroupCount: 3 } } })] }),
      { oldObject: before },
    ).toPass();
    await expectRule(
      'WL-34',
      workload137({ compositePodGroupTemplates: [composite('c', undefined, { schedulingPolicy: { basic: {} } })] }),
      { oldObject: before },
    ).toReport([
      inv('spec.compositePodGroupTemplates[0].schedulingPolicy.basic', 'null', 'field is immutable'),
      inv('spec.compositePodGroupTemplates[0].schedulingPolicy.gang', 'null', 'field cannot be cleared once set'),
    ]);
  });
});

describe('WL-35..38 the template tree (hand-written)', () => {
  it('WL-35: every composite template has a child', async () => {
    const obj = workload137({ compositePodGroupTemplates: [composite('c', { compositePodGroupTemplates: [composite('sub', {})] })] });
    await expectRule('WL-35', obj).toReport([
      inv(
        'spec.compositePodGroupTemplates[0].compositePodGroupTemplates[0]',
        '"sub"',
        'must have at least one child PodGroupTemplate or CompositePodGroupTemplate',
      ),
    ]);
  });
  it('WL-36: names are unique across the tree', async () => {
    const obj = workload137({
      compositePodGroupTemplates: [
        composite('main', {
          podGroupTemplates: [gangTemplate('group1')],
          compositePodGroupTemplates: [composite('main', { podGroupTemplates: [gangTemplate('group1')] })],
        }),
      ],
    });
    await expectRule('WL-36', obj).toReport([
      {
        reason: 'FieldValueDuplicate',
        field: 'spec.compositePodGroupTemplates[0].compositePodGroupTemplates[0].name',
        message: 'spec.compositePodGroupTemplates[0].compositePodGroupTemplates[0].name: Duplicate value: "main"',
      },
      {
        reason: 'FieldValueDuplicate',
        field: 'spec.compositePodGroupTemplates[0].compositePodGroupTemplates[0].podGroupTemplates[0].name',
        message: 'spec.compositePodGroupTemplates[0].compositePodGroupTemplates[0].podGroupTemplates[0].name: Duplicate value: "group1"',
      },
    ]);
  });
  it('WL-37: cpg1→cpg2→cpg3 is allowed, cpg1→cpg2→cpg3→cpg4 is not', async () => {
    const chain = (depth: number, i = 1): ReturnType<typeof composite> =>
      depth === 1 ? composite(`cpg${i}`) : composite(`cpg${i}`, { compositePodGroupTemplates: [chain(depth - 1, i + 1)] });
    await expectRule('WL-37', workload137({ compositePodGroupTemplates: [chain(3)] })).toPass();
    const deep = workload137({ compositePodGroupTemplates: [chain(4)] });
    const [finding] = (await findingsOf('WL-37', deep)).map(printed);
    expect(finding?.field).toBe('spec.compositePodGroupTemplates[0]');
    expect(finding?.message).toMatch(/: maximum template hierarchy depth is 4$/);
  });
  it('WL-38: one priority configuration, worded for flat and composite Workloads', async () => {
    await expectRule(
      'WL-38',
      workload137({ podGroupTemplates: [gangTemplate('a', { priorityClassName: 'high' }), gangTemplate('b')] }),
    ).toReport([inv('spec', 'null', 'detected multiple priority configurations')]);
    await expectRule(
      'WL-38',
      workload137({ compositePodGroupTemplates: [composite('c', { podGroupTemplates: [gangTemplate('w', { priority: 5 })] })] }),
    ).toReport([inv('spec', 'null', 'all priority and priorityClassName values must be identical, detected multiple values')]);
    await expectRule(
      'WL-38',
      workload137({
        podGroupTemplates: [gangTemplate('a', { priorityClassName: 'high' }), gangTemplate('b', { priorityClassName: 'high' })],
      }),
    ).toPass();
  });
});

describe('WL-00 (1.37) decode', () => {
  it('takes the union as an object and refuses the 1.36 string', async () => {
    await expectRule('WL-00', workload137({ podGroupTemplates: [gangTemplate('a', { disruptionMode: { single: {} } })] })).toPass();
    const old = workload137({ podGroupTemplates: [gangTemplate('a', { disruptionMode: 'Pod' as never })] });
    await expectRule('WL-00', old).toReport([inv('spec.podGroupTemplates[0].disruptionMode', '"Pod"', 'must be an object')]);
  });
});
