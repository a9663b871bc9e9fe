// CompositePodGroup rules (api-rules-1.37.md §6), on v1alpha3 objects.

import { describe, expect, it } from '@jest/globals';
import { allGatesOn } from '@kubectl-workload/api';
import type { CompositePodGroup } from '@kubectl-workload/api';
import { evaluate } from '../../engine.js';
import { ManifestLookup } from '../../manifest-lookup.js';
import { expectRule, printed } from '../../test-support/expect-rule.js';
import { composite, compositePodGroup, workload137 } from './test-support/objects.js';

const ok = { workloadRef: { workloadName: 'train', templateName: 'job' }, schedulingPolicy: { gang: { minGroupCount: 2 } } };
const req = (field: string) => ({ reason: 'FieldValueRequired' as const, field, message: `${field}: Required value` });
const imm = (field: string) => ({
  reason: 'FieldValueInvalid' as const,
  field,
  message: `${field}: Invalid value: null: field is immutable`,
});

describe('CompositePodGroup create', () => {
  it('accepts a well-formed root CompositePodGroup', async () => {
    for (const id of ['CPG-00', 'CPG-01', 'CPG-02', 'CPG-03', 'CPG-04', 'CPG-05', 'CPG-07', 'CPG-08', 'CPG-09', 'CPG-10'])
      await expectRule(id, compositePodGroup(ok)).toPass();
  });
  it('CPG-01/CPG-02: metadata name and namespace', async () => {
    const obj = { ...compositePodGroup(ok), metadata: { name: 'Bad_Name', namespace: 'ml' } };
    await expectRule('CPG-01', obj).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'metadata.name',
        message:
          "metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      },
    ]);
    await expectRule('CPG-02', compositePodGroup(ok)).toPass();
  });
  it('CPG-03: workloadRef is required', async () => {
    await expectRule('CPG-03', compositePodGroup({ schedulingPolicy: { basic: {} } })).toReport([req('spec.workloadRef')]);
    await expectRule('CPG-03', compositePodGroup({ ...ok, workloadRef: {} })).toReport([
      req('spec.workloadRef.workloadName'),
      req('spec.workloadRef.templateName'),
    ]);
  });
  it('CPG-04: a parent name is a subdomain', async () => {
    await expectRule('CPG-04', compositePodGroup({ ...ok, parentCompositePodGroupName: 'root.job' })).toPass();
  });
  it('CPG-05: one policy, minGroupCount required', async () => {
    await expectRule('CPG-05', compositePodGroup({ ...ok, schedulingPolicy: { gang: {} } })).toReport([
      req('spec.schedulingPolicy.gang.minGroupCount'),
    ]);
    await expectRule('CPG-05', compositePodGroup({ ...ok, schedulingPolicy: {} })).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.schedulingPolicy',
        message: 'spec.schedulingPolicy: Invalid value: "": must specify one of: `basic`, `gang`',
      },
    ]);
    await expectRule('CPG-05', compositePodGroup({ ...ok, schedulingPolicy: { gang: { minGroupCount: -1 } } })).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.schedulingPolicy.gang.minGroupCount',
        message: 'spec.schedulingPolicy.gang.minGroupCount: Invalid value: -1: must be greater than or equal to 1',
      },
    ]);
  });
  it('CPG-07: at most one topology key, whatever TopologyAwareWorkloadScheduling says', async () => {
    await expectRule('CPG-07', compositePodGroup({ ...ok, schedulingConstraints: { topology: [{ key: 'zone' }, { key: 'rack' }] } }), {
      gates: { TopologyAwareWorkloadScheduling: false },
    }).toReport([
      {
        reason: 'FieldValueTooMany',
        field: 'spec.schedulingConstraints.topology',
        message: 'spec.schedulingConstraints.topology: Too many: 2: must have at most 1 item',
      },
    ]);
  });
  it('CPG-08: defaulted to single, a union', async () => {
    await expectRule('CPG-08', compositePodGroup({ ...ok, disruptionMode: { single: {}, all: {} } })).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.disruptionMode',
        message: 'spec.disruptionMode: Invalid value: "{single, all}": must specify exactly one of: `single`, `all`',
      },
    ]);
  });
  it('CPG-09/CPG-10: priority fields, and preemptionPolicy behind its gate', async () => {
    await expectRule('CPG-09', compositePodGroup({ ...ok, priority: 1000000001 })).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.priority',
        message: 'spec.priority: Invalid value: 1000000001: must be less than or equal to 1000000000',
      },
    ]);
    await expectRule('CPG-10', compositePodGroup({ ...ok, preemptionPolicy: 'Never' }), {
      gates: { PodGroupPreemptionPolicy: false },
    }).toReport([{ reason: 'FieldValueForbidden', field: 'spec.preemptionPolicy', message: 'spec.preemptionPolicy: Forbidden' }]);
  });
});

describe('CompositePodGroup update', () => {
  it('CPG-06: the whole policy is immutable, minGroupCount included (unlike a PodGroup minCount)', async () => {
    await expectRule('CPG-06', compositePodGroup({ ...ok, schedulingPolicy: { gang: { minGroupCount: 3 } } }), {
      oldObject: compositePodGroup(ok),
    }).toReport([imm('spec.schedulingPolicy')]);
  });
  it('CPG-03/04/08/09: every other spec field is immutable too', async () => {
    const after = compositePodGroup({
      ...ok,
      workloadRef: { workloadName: 'other', templateName: 'job' },
      parentCompositePodGroupName: 'p',
      disruptionMode: { all: {} },
      priority: 5,
    });
    await expectRule('CPG-03', after, { oldObject: compositePodGroup(ok) }).toReport([imm('spec.workloadRef')]);
    await expectRule('CPG-04', after, { oldObject: compositePodGroup(ok) }).toReport([imm('spec.parentCompositePodGroupName')]);
    await expectRule('CPG-08', after, { oldObject: compositePodGroup(ok) }).toReport([imm('spec.disruptionMode')]);
    await expectRule('CPG-09', after, { oldObject: compositePodGroup(ok) }).toReport([imm('spec.priority')]);
  });
  it('CPG-10: preemptionPolicy is immutable; with its gate off a change to a set value is Forbidden, clearing it passes', async () => {
    const before = compositePodGroup({ ...ok, preemptionPolicy: 'Never' });
    const after = compositePodGroup({ ...ok, preemptionPolicy: 'PreemptLowerPriority' });
    const off = { PodGroupPreemptionPolicy: false };
    await expectRule('CPG-10', after, { oldObject: before }).toReport([imm('spec.preemptionPolicy')]);
    await expectRule('CPG-10', after, { oldObject: before, gates: off }).toReport([
      { reason: 'FieldValueForbidden', field: 'spec.preemptionPolicy', message: 'spec.preemptionPolicy: Forbidden' },
    ]);
    await expectRule('CPG-10', compositePodGroup(ok), { oldObject: before, gates: off }).toPass();
  });
  it('CPG-11: /status conditions use the PodGroup texts', async () => {
    const condition = {
      type: 'CompositePodGroupInitiallyScheduled',
      status: 'Maybe',
      reason: 'Invalid',
      lastTransitionTime: '2026-12-01T00:00:00Z',
    };
    const obj = { ...compositePodGroup(ok), status: { conditions: [condition] } };
    await expectRule('PG-32', obj, { oldObject: compositePodGroup(ok), subResource: 'status' }).toReport([
      {
        reason: 'FieldValueNotSupported',
        field: 'status.conditions[0].status',
        message: 'status.conditions[0].status: Unsupported value: "Maybe": supported values: "False", "True", "Unknown"',
      },
    ]);
  });
});

describe('CPG-14: on update only ObjectMeta is hand-validated, the spec declaratively', () => {
  const before = compositePodGroup(ok);
  const relabelled = (cpg: CompositePodGroup): CompositePodGroup => ({
    ...cpg,
    metadata: { ...cpg.metadata, labels: { team: 'vision' }, annotations: { 'example.com/owner': 'ml-platform' } },
  });
  const update = async (after: CompositePodGroup) => {
    const verdict = await evaluate(
      { operation: 'UPDATE', subResource: '', object: after, oldObject: before, gates: allGatesOn('1.37') },
      new ManifestLookup([workload137({ compositePodGroupTemplates: [composite('job')] })]),
    );
    return [...verdict.errors, ...verdict.warnings].map((f) => [f.rule, printed(f).message]);
  };

  it('allows an update that changes only labels and annotations: no rule reports', async () => {
    expect(await update(relabelled(before))).toEqual([]);
  });
  it('reports a renamed object through the ObjectMeta update check (CPG-02), and nothing else', async () => {
    expect(await update({ ...before, metadata: { ...before.metadata, name: 'job-2' } })).toEqual([
      ['CPG-02', 'metadata.name: Invalid value: "job-2": field is immutable'],
    ]);
  });
  it('a spec change beside a metadata change is still refused by the declarative immutability rules (CPG-06)', async () => {
    expect(await update(relabelled(compositePodGroup({ ...ok, schedulingPolicy: { gang: { minGroupCount: 1 } } })))).toEqual([
      ['CPG-06', 'spec.schedulingPolicy: Invalid value: null: field is immutable'],
    ]);
  });
});
