import type { PodGroupSpec } from '@kubectl-workload/api';
import { expectRule } from '../../test-support/expect-rule.js';
import { gangSpec, podGroup } from './test-support/objects.js';

const imm = (field: string) => ({
  reason: 'FieldValueInvalid' as const,
  field,
  message: `${field}: Invalid value: null: field is immutable`,
});
const forb = (field: string) => ({ reason: 'FieldValueForbidden' as const, field, message: `${field}: Forbidden` });
const update = (before: Partial<PodGroupSpec>, after: Partial<PodGroupSpec>, gates = {}) => ({
  object: podGroup(gangSpec(after)),
  c: { oldObject: podGroup(gangSpec(before)), gates },
});
const ref = (workloadName: string) => ({ workload: { workloadName, podGroupTemplateName: 't' } });

describe('PG-21 podGroupTemplateRef immutable', () => {
  it('accepts an unchanged ref', async () => {
    const { object, c } = update({ podGroupTemplateRef: ref('w') }, { podGroupTemplateRef: ref('w') });
    await expectRule('PG-21', object, c).toPass();
  });
  it.each([
    ['set to {}', {}, { podGroupTemplateRef: {} }],
    ['unset', { podGroupTemplateRef: ref('w') }, {}],
    ['changed', { podGroupTemplateRef: ref('w') }, { podGroupTemplateRef: ref('v') }],
  ])('rejects a ref %s, without the union error', async (_what, before, after) => {
    const { object, c } = update(before, after);
    await expectRule('PG-21', object, c).toReport([imm('spec.podGroupTemplateRef')]);
    await expectRule('PG-04', object, c).toPass();
  });
});

describe('PG-22 schedulingPolicy immutable', () => {
  it('accepts an unchanged policy', async () => {
    const { object, c } = update({}, {});
    await expectRule('PG-22', object, c).toPass();
  });
  it('reports a minCount change once on the policy', async () => {
    const { object, c } = update({}, { schedulingPolicy: { gang: { minCount: 0 } } });
    await expectRule('PG-22', object, c).toReport([imm('spec.schedulingPolicy')]);
    await expectRule('PG-08', object, c).toPass();
  });
});

describe('PG-23 schedulingConstraints', () => {
  const zone = { topology: [{ key: 'zone' }] };
  const rack = { topology: [{ key: 'rack' }] };
  const tasOff = { TopologyAwareWorkloadScheduling: false };
  it('accepts unchanged constraints with the gate off', async () => {
    const { object, c } = update({ schedulingConstraints: zone }, { schedulingConstraints: zone }, tasOff);
    await expectRule('PG-23', object, c).toPass();
  });
  it('is immutable with the gate on, removal included', async () => {
    const { object, c } = update({ schedulingConstraints: zone }, {});
    await expectRule('PG-23', object, c).toReport([imm('spec.schedulingConstraints')]);
  });
  it('forbids a changed value with the gate off, and accepts clearing it', async () => {
    const changed = update({ schedulingConstraints: zone }, { schedulingConstraints: rack }, tasOff);
    await expectRule('PG-23', changed.object, changed.c).toReport([forb('spec.schedulingConstraints')]);
    const cleared = update({ schedulingConstraints: zone }, {}, tasOff);
    await expectRule('PG-23', cleared.object, cleared.c).toPass();
  });
});

describe('PG-24 resourceClaims immutable, whatever the DRA gate', () => {
  it('accepts unchanged claims', async () => {
    const claims = [{ name: 'a', resourceClaimName: 'x' }];
    const { object, c } = update({ resourceClaims: claims }, { resourceClaims: [...claims] });
    await expectRule('PG-24', object, c).toPass();
  });
  it('rejects adding a claim with the gate off', async () => {
    const { object, c } = update({}, { resourceClaims: [{ name: 'a', resourceClaimName: 'x' }] }, { DRAWorkloadResourceClaims: false });
    await expectRule('PG-24', object, c).toReport([imm('spec.resourceClaims')]);
  });
});

describe('PG-25..27 WorkloadAwarePreemption fields', () => {
  const wapOff = { WorkloadAwarePreemption: false };
  it.each([
    ['PG-25', 'spec.disruptionMode', { disruptionMode: 'Pod' }, { disruptionMode: 'PodGroup' }],
    ['PG-26', 'spec.priorityClassName', { priorityClassName: 'a' }, { priorityClassName: 'b' }],
    ['PG-27', 'spec.priority', { priority: 1 }, { priority: 2 }],
  ] as const)('%s: immutable with the gate on, Forbidden with it off', async (id, field, before, after) => {
    const on = update(before, after);
    await expectRule(id, on.object, on.c).toReport([imm(field)]);
    const off = update(before, after, wapOff);
    await expectRule(id, off.object, off.c).toReport([forb(field)]);
    const same = update(before, before, wapOff);
    await expectRule(id, same.object, same.c).toPass();
  });
  it('PG-26 accepts clearing the class name with the gate off', async () => {
    const { object, c } = update({ priorityClassName: 'a' }, { priorityClassName: '' }, wapOff);
    await expectRule('PG-26', object, c).toPass();
  });
  it('PG-26 treats an empty and an absent class name as the same value', async () => {
    const { object, c } = update({}, { priorityClassName: '' });
    await expectRule('PG-26', object, c).toPass();
  });
  it('PG-25 compares defaulted objects: omitting disruptionMode on both sides is no change', async () => {
    const { object, c } = update({ disruptionMode: undefined }, { disruptionMode: undefined });
    await expectRule('PG-25', object, c).toPass();
  });
});
