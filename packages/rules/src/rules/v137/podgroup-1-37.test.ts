// PodGroup rules of Kubernetes 1.37 (api-rules-1.37.md §5), on v1beta1 objects.

import { describe, expect, it } from '@jest/globals';
import { evaluate } from '../../engine.js';
import { ManifestLookup } from '../../manifest-lookup.js';
import { allGatesOn } from '@kubectl-workload/api';
import { expectRule, findingsOf } from '../../test-support/expect-rule.js';
import { podGroup137 } from './test-support/objects.js';

const req = (field: string) => ({ reason: 'FieldValueRequired' as const, field, message: `${field}: Required value` });
const imm = (field: string) => ({
  reason: 'FieldValueInvalid' as const,
  field,
  message: `${field}: Invalid value: null: field is immutable`,
});
const forb = (field: string) => ({ reason: 'FieldValueForbidden' as const, field, message: `${field}: Forbidden` });

describe('PG-03..06 (1.37) workloadRef', () => {
  it('PG-03: a standalone PodGroup needs no workloadRef', async () => {
    for (const id of ['PG-05', 'PG-06']) await expectRule(id, podGroup137({})).toPass();
  });
  it('PG-04 is retired: `workloadRef: {}` gives PG-05 and PG-06 Required', async () => {
    const obj = podGroup137({ workloadRef: {} });
    await expectRule('PG-05', obj).toReport([req('spec.workloadRef.workloadName')]);
    await expectRule('PG-06', obj).toReport([req('spec.workloadRef.templateName')]);
    expect(await findingsOf('PG-04', obj)).toEqual([]);
  });
  it('PG-21: workloadRef is immutable', async () => {
    const before = podGroup137({ workloadRef: { workloadName: 'w', templateName: 't' } });
    await expectRule('PG-21', podGroup137({ workloadRef: { workloadName: 'w', templateName: 'u' } }), { oldObject: before }).toReport([
      imm('spec.workloadRef'),
    ]);
  });
});

describe('PG-11..13, PG-25..27, PG-50 (1.37) preemption fields', () => {
  it('PG-50/PG-11: an omitted disruptionMode is defaulted to {single: {}} and passes', async () => {
    await expectRule('PG-11', podGroup137({})).toPass();
    await expectRule('PG-11', podGroup137({ disruptionMode: {} })).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.disruptionMode',
        message: 'spec.disruptionMode: Invalid value: "": must specify one of: `single`, `all`',
      },
    ]);
  });
  it('PG-12/13 and PG-25..27 have no gate any more', async () => {
    const before = podGroup137({ priorityClassName: 'high', priority: 10, disruptionMode: { single: {} } });
    const after = podGroup137({ priorityClassName: 'low', priority: 11, disruptionMode: { all: {} } });
    const gates = { GenericWorkload: false };
    await expectRule('PG-25', after, { oldObject: before, gates }).toReport([imm('spec.disruptionMode')]);
    await expectRule('PG-26', after, { oldObject: before, gates }).toReport([imm('spec.priorityClassName')]);
    await expectRule('PG-27', after, { oldObject: before, gates }).toReport([imm('spec.priority')]);
    await expectRule('PG-13', podGroup137({ priority: 1000000001 }), { gates }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.priority',
        message: 'spec.priority: Invalid value: 1000000001: must be less than or equal to 1000000000',
      },
    ]);
    await expectRule('PG-12', podGroup137({ priorityClassName: 'ok-name' }), { gates }).toPass();
  });
});

describe('PG-22 (1.37) the gang size is mutable', () => {
  const before = podGroup137({ schedulingPolicy: { gang: { minCount: 4 } } });
  it('accepts a minCount change and rejects 0', async () => {
    await expectRule('PG-22', podGroup137({ schedulingPolicy: { gang: { minCount: 6 } } }), { oldObject: before }).toPass();
    await expectRule('PG-22', podGroup137({ schedulingPolicy: { gang: { minCount: 0 } } }), { oldObject: before }).toReport([
      req('spec.schedulingPolicy.gang.minCount'),
    ]);
  });
  it('rejects gang → basic with two errors', async () => {
    await expectRule('PG-22', podGroup137({ schedulingPolicy: { basic: {} } }), { oldObject: before }).toReport([
      imm('spec.schedulingPolicy.basic'),
      {
        reason: 'FieldValueInvalid',
        field: 'spec.schedulingPolicy.gang',
        message: 'spec.schedulingPolicy.gang: Invalid value: null: field cannot be cleared once set',
      },
    ]);
  });
});

describe('PG-60..64 the parent and preemptionPolicy', () => {
  it('PG-60: parentCompositePodGroupName is forbidden with CompositePodGroup off, else a subdomain', async () => {
    await expectRule('PG-60', podGroup137({ parentCompositePodGroupName: 'job' }), { gates: { CompositePodGroup: false } }).toReport([
      forb('spec.parentCompositePodGroupName'),
    ]);
    await expectRule('PG-60', podGroup137({ parentCompositePodGroupName: 'Job_1' })).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.parentCompositePodGroupName',
        message:
          "spec.parentCompositePodGroupName: Invalid value: \"Job_1\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      },
    ]);
  });
  it('PG-61: preemptionPolicy needs PodGroupPreemptionPolicy and one of the enum', async () => {
    await expectRule('PG-61', podGroup137({ preemptionPolicy: 'Never' }), { gates: { PodGroupPreemptionPolicy: false } }).toReport([
      forb('spec.preemptionPolicy'),
    ]);
    await expectRule('PG-61', podGroup137({ preemptionPolicy: 'Never' })).toPass();
  });
  it('PG-62 is alpha in 1.37: a parent without workloadRef is not rejected by the API server (X-33 warns us)', async () => {
    const obj = podGroup137({ parentCompositePodGroupName: 'job' });
    const verdict = await evaluate({ operation: 'CREATE', object: obj, gates: allGatesOn('1.37') }, new ManifestLookup([]));
    expect(verdict.errors.map((f) => f.rule)).toEqual(['X-33']);
  });
  it('PG-63/PG-64: immutable; with the gate off a change to a set value is Forbidden', async () => {
    const before = podGroup137({ parentCompositePodGroupName: 'a', preemptionPolicy: 'Never' });
    const after = podGroup137({ parentCompositePodGroupName: 'b', preemptionPolicy: 'PreemptLowerPriority' });
    await expectRule('PG-63', after, { oldObject: before }).toReport([imm('spec.parentCompositePodGroupName')]);
    await expectRule('PG-64', after, { oldObject: before }).toReport([imm('spec.preemptionPolicy')]);
    await expectRule('PG-63', after, { oldObject: before, gates: { CompositePodGroup: false } }).toReport([
      forb('spec.parentCompositePodGroupName'),
    ]);
    await expectRule('PG-64', podGroup137({}), { oldObject: before, gates: { PodGroupPreemptionPolicy: false } }).toPass();
  });
});

describe('PG-30..36 (1.37) conditions keep their texts; PG-41 the new condition name is accepted', () => {
  it('rejects duplicate condition types on /status', async () => {
    const condition = {
      type: 'PodGroupInitiallyScheduled',
      status: 'True',
      reason: 'Scheduled',
      message: '',
      lastTransitionTime: '2026-12-01T00:00:00Z',
    };
    const obj = podGroup137({}, { status: { conditions: [condition, condition] } } as never);
    await expectRule('PG-30', obj, { oldObject: podGroup137({}), subResource: 'status' }).toReport([
      {
        reason: 'FieldValueDuplicate',
        field: 'status.conditions[1].type',
        message: 'status.conditions[1].type: Duplicate value: "PodGroupInitiallyScheduled"',
      },
    ]);
    await expectRule('PG-30', podGroup137({}, { status: { conditions: [condition] } } as never), {
      oldObject: podGroup137({}),
      subResource: 'status',
    }).toPass();
  });
});
