// The 1.37 group hierarchy, X-34 (our checks of what the scheduler finds at run time),
// ADM-11 (PodGroupProtection's validating half for child groups), ADM-12 and CPG-13 (bottom-up deletion).

import { describe, expect, it } from '@jest/globals';
import type { CompositePodGroup, CompositePodGroupSpec, KubeObject } from '@kubectl-workload/api';
import { ManifestLookup } from '../../manifest-lookup.js';
import { expectRule, findingsOf, printed } from '../../test-support/expect-rule.js';
import { meta, podGroup137 } from './test-support/objects.js';

const DELETING = '2026-12-01T00:00:00Z';
const cpg = (name: string, spec: CompositePodGroupSpec = {}, extra: Partial<KubeObject['metadata']> = {}): CompositePodGroup => ({
  apiVersion: 'scheduling.k8s.io/v1alpha3',
  kind: 'CompositePodGroup',
  metadata: { ...meta(name), ...extra },
  spec: { workloadRef: { workloadName: 'train', templateName: name }, schedulingPolicy: { gang: { minGroupCount: 1 } }, ...spec },
});
const child = (parent: string, workloadName = 'train') =>
  podGroup137({ parentCompositePodGroupName: parent, workloadRef: { workloadName, templateName: 'workers' } });

describe('X-30 the parent exists, in the same Workload', () => {
  it('warns about a missing parent and one of another Workload', async () => {
    await expectRule('X-30', child('job')).toReport([
      {
        reason: 'FieldValueNotFound',
        field: 'spec.parentCompositePodGroupName',
        message:
          'spec.parentCompositePodGroupName: Not found: "job": no such CompositePodGroup in namespace "ml"; the scheduler keeps this PodGroup\'s pods waiting until it is created',
      },
    ]);
    await expectRule('X-30', child('job', 'other'), { objects: [cpg('job')] }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.parentCompositePodGroupName',
        message:
          'spec.parentCompositePodGroupName: Invalid value: "job": CompositePodGroup "job" belongs to Workload "train", this PodGroup to Workload "other"',
      },
    ]);
    await expectRule('X-30', child('job'), { objects: [cpg('job')] }).toPass();
    await expectRule('X-30', podGroup137({})).toPass();
  });
});

describe('X-32 hierarchy sanity', () => {
  it('rejects a cycle among CompositePodGroups', async () => {
    await expectRule('X-32', cpg('a', { parentCompositePodGroupName: 'b' }), {
      objects: [cpg('b', { parentCompositePodGroupName: 'a' })],
    }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.parentCompositePodGroupName',
        message: 'spec.parentCompositePodGroupName: Invalid value: "b": forms a cycle ("a" → "b" → "a"): the scheduler never schedules it',
      },
    ]);
  });

  it('rejects more than 4 levels, counting the children a CompositePodGroup needs', async () => {
    const chain = [cpg('l1'), cpg('l2', { parentCompositePodGroupName: 'l1' }), cpg('l3', { parentCompositePodGroupName: 'l2' })];
    await expectRule('X-32', child('l3'), { objects: chain }).toPass();
    await expectRule('X-32', cpg('l4', { parentCompositePodGroupName: 'l3' }), { objects: chain }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.parentCompositePodGroupName',
        message:
          'spec.parentCompositePodGroupName: Invalid value: "l3": makes a hierarchy of 5 levels (counting its children); the scheduler does not schedule more than 4',
      },
    ]);
    const deeper = [...chain, cpg('l4', { parentCompositePodGroupName: 'l3' })];
    await expectRule('X-32', child('l4'), { objects: deeper }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.parentCompositePodGroupName',
        message:
          'spec.parentCompositePodGroupName: Invalid value: "l4": makes a hierarchy of 5 levels; the scheduler does not schedule more than 4',
      },
    ]);
  });

  it('stops a long chain after 4 ancestors, walked once for X-30, X-32 and X-34', async () => {
    const chain = Array.from({ length: 50 }, (_, i) => cpg(`l${i}`, i ? { parentCompositePodGroupName: `l${i - 1}` } : {}));
    const lookup = new ManifestLookup(chain);
    const asked: string[] = [];
    const get = lookup.getCompositePodGroup.bind(lookup);
    lookup.getCompositePodGroup = (namespace, name) => {
      asked.push(name);
      return get(namespace, name);
    };
    const findings = await findingsOf('X-32', child('l49'), { lookup });
    expect(findings.map(printed)).toEqual([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.parentCompositePodGroupName',
        message:
          'spec.parentCompositePodGroupName: Invalid value: "l49": makes a hierarchy of more than 5 levels; the scheduler does not schedule more than 4',
      },
    ]);
    // The shared walk asks for l49..l46; ADM-11 asks for the parent once more on its own.
    expect(asked.sort()).toEqual(['l46', 'l47', 'l48', 'l49', 'l49']);
    expect(await findingsOf('X-34', child('l49'), { objects: chain })).toEqual([]);
  });

  it('rejects an ancestor above the parent that belongs to another Workload (the parent itself is X-30)', async () => {
    const root = cpg('root', { workloadRef: { workloadName: 'other', templateName: 'root' } });
    await expectRule('X-32', child('mid'), { objects: [root, cpg('mid', { parentCompositePodGroupName: 'root' })] }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.parentCompositePodGroupName',
        message:
          'spec.parentCompositePodGroupName: Invalid value: "mid": leads to CompositePodGroup "root" of Workload "other", this PodGroup belongs to Workload "train": a hierarchy spans one Workload',
      },
    ]);
    expect(await findingsOf('X-32', child('root'), { objects: [root] })).toEqual([]);
  });
});

describe("X-34 the root's priority", () => {
  const root = cpg('root', { priorityClassName: 'high', priority: 1000, preemptionPolicy: 'Never' });
  const objects = [root, cpg('mid', { parentCompositePodGroupName: 'root', priorityClassName: 'high' })];
  const tail = 'the scheduler uses the root’s value for every pod of the hierarchy';

  it('warns when a group below differs from the root', async () => {
    const pg = podGroup137({
      parentCompositePodGroupName: 'mid',
      workloadRef: { workloadName: 'train', templateName: 'workers' },
      priorityClassName: 'low',
      priority: 10,
      preemptionPolicy: 'PreemptLowerPriority',
    });
    await expectRule('X-34', pg, { objects }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.priorityClassName',
        message: `spec.priorityClassName: Invalid value: "low": the root CompositePodGroup "root" of its hierarchy has "high": ${tail}`,
      },
      {
        reason: 'FieldValueInvalid',
        field: 'spec.priority',
        message: `spec.priority: Invalid value: 10: the root CompositePodGroup "root" of its hierarchy has 1000: ${tail}`,
      },
      {
        reason: 'FieldValueInvalid',
        field: 'spec.preemptionPolicy',
        message: `spec.preemptionPolicy: Invalid value: "PreemptLowerPriority": the root CompositePodGroup "root" of its hierarchy has "Never": ${tail}`,
      },
    ]);
    const findings = await findingsOf('X-34', pg, { objects, gates: { PodGroupPreemptionPolicy: false } });
    expect(findings.map((f) => [f.severity, f.style === 'field' && f.error.field])).toEqual([
      ['warning', 'spec.priorityClassName'],
      ['warning', 'spec.priority'],
    ]);
  });

  it("accepts the root's class (a priority left for admission to fill), and says nothing without a complete chain", async () => {
    await expectRule('X-34', podGroup137({ parentCompositePodGroupName: 'mid', priorityClassName: 'high' }), { objects }).toPass();
    await expectRule('X-34', podGroup137({ parentCompositePodGroupName: 'gone', priorityClassName: 'low' }), { objects }).toPass();
  });
});

describe('ADM-11 no child group under a CompositePodGroup being deleted', () => {
  const deleting = cpg('job', {}, { deletionTimestamp: DELETING });
  it('rejects PodGroups and CompositePodGroups with the PodGroupProtection message', async () => {
    await expectRule('ADM-11', child('job'), { objects: [deleting] }).toReport([
      {
        reason: 'Forbidden',
        field: 'spec.parentCompositePodGroupName',
        message: 'cannot create PodGroup referencing CompositePodGroup "job" because it is being deleted',
      },
    ]);
    await expectRule('ADM-11', cpg('sub', { parentCompositePodGroupName: 'job' }), { objects: [deleting] }).toReport([
      {
        reason: 'Forbidden',
        field: 'spec.parentCompositePodGroupName',
        message: 'cannot create CompositePodGroup referencing CompositePodGroup "job" because it is being deleted',
      },
    ]);
  });
  it('allows a live or missing parent', async () => {
    await expectRule('ADM-11', child('job'), { objects: [cpg('job')] }).toPass();
    await expectRule('ADM-11', child('job')).toPass();
  });
});

describe('ADM-12, CPG-13 bottom-up deletion', () => {
  const job = cpg('job', {}, { finalizers: ['scheduling.k8s.io/compositepodgroup-protection'] });
  const children = [child('job'), cpg('sub', { parentCompositePodGroupName: 'job' })];

  it('ADM-12: a deleted CompositePodGroup with children stays terminating', async () => {
    await expectRule('ADM-12', job, { operation: 'DELETE', oldObject: job, objects: children }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'metadata.name',
        message:
          'metadata.name: Invalid value: "job": stays terminating until its children are deleted: PodGroup "workers", CompositePodGroup "sub" name it as parent (PodGroupProtection deletes bottom-up)',
      },
    ]);
    await expectRule('ADM-12', job, { operation: 'DELETE', oldObject: job }).toPass();
  });

  it('CPG-13: stripping the finalizer of a deleting CompositePodGroup with children is reported', async () => {
    const stripped = cpg('job', {}, { deletionTimestamp: DELETING, finalizers: [] });
    const before = { ...job, metadata: { ...job.metadata, deletionTimestamp: DELETING } };
    await expectRule('CPG-13', stripped, { oldObject: before, objects: children }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'metadata.finalizers',
        message:
          'metadata.finalizers: Invalid value: "scheduling.k8s.io/compositepodgroup-protection": removed while PodGroup "workers", CompositePodGroup "sub" still name this CompositePodGroup as parent: they lose their hierarchy and are not scheduled; delete them first',
      },
    ]);
    await expectRule('CPG-13', stripped, { oldObject: before }).toPass();
    await expectRule(
      'CPG-13',
      { ...stripped, metadata: { ...stripped.metadata, deletionTimestamp: undefined } },
      { oldObject: job, objects: children },
    ).toPass();
  });
});
