import { allGatesOn } from '@kubectl-workload/api';
import type { PodGroup } from '@kubectl-workload/api';
import { evaluate } from '../../engine.js';
import { ManifestLookup } from '../../manifest-lookup.js';
import { expectRule } from '../../test-support/expect-rule.js';
import { SUBDOMAIN_REGEX } from '../../validation/test-support/texts.js';
import { pg11 } from './pg-11-13-preemption-fields.js';
import { podGroup } from './test-support/objects.js';

const wapOff = { gates: { WorkloadAwarePreemption: false } };
const gangPg = (extra: Partial<NonNullable<PodGroup['spec']>> = {}) => podGroup({ schedulingPolicy: { gang: { minCount: 2 } }, ...extra });

describe('PG-11 disruptionMode', () => {
  it('accepts PodGroup', async () => {
    await expectRule('PG-11', gangPg({ disruptionMode: 'PodGroup' })).toPass();
  });
  it('rejects an unknown mode', async () => {
    await expectRule('PG-11', gangPg({ disruptionMode: 'pod' })).toReport([
      {
        reason: 'FieldValueNotSupported',
        field: 'spec.disruptionMode',
        message: 'spec.disruptionMode: Unsupported value: "pod": supported values: "Pod", "PodGroup"',
      },
    ]);
  });
  it('does not report an omitted mode: evaluate() applies the PG-50 default first', async () => {
    await expectRule('PG-11', gangPg()).toPass();
  });
  it('is Required at validation level, before defaulting', async () => {
    const ctx = {
      operation: 'CREATE',
      subResource: '',
      object: gangPg(),
      oldObject: undefined,
      gates: allGatesOn(),
      lookup: new ManifestLookup([]),
      kubeVersion: '1.36',
    } as const;
    expect(await pg11.check(ctx)).toEqual([{ type: 'FieldValueRequired', field: 'spec.disruptionMode', detail: '' }]);
  });
  it('with the gate off, warns that a value the user wrote is dropped (not an omitted one)', async () => {
    await expectRule('PG-11', gangPg(), wapOff).toPass();
    await expectRule('PG-11', gangPg({ disruptionMode: 'Pod' }), wapOff).toReport([
      {
        reason: 'FieldValueForbidden',
        field: 'spec.disruptionMode',
        message: 'spec.disruptionMode: Forbidden: dropped by the API server: the WorkloadAwarePreemption feature gate is off',
      },
    ]);
  });
});

describe('PG-12 priorityClassName', () => {
  it('accepts a subdomain', async () => {
    await expectRule('PG-12', gangPg({ priorityClassName: 'high-priority' })).toPass();
  });
  it('rejects an invalid name, and warns that any name is dropped with the gate off', async () => {
    await expectRule('PG-12', gangPg({ priorityClassName: 'High' })).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.priorityClassName',
        message: `spec.priorityClassName: Invalid value: "High": ${SUBDOMAIN_REGEX}`,
      },
    ]);
    await expectRule('PG-12', gangPg({ priorityClassName: 'high' }), wapOff).toReport([
      {
        reason: 'FieldValueForbidden',
        field: 'spec.priorityClassName',
        message: 'spec.priorityClassName: Forbidden: dropped by the API server: the WorkloadAwarePreemption feature gate is off',
      },
    ]);
  });
});

describe('PG-13 priority', () => {
  it('accepts a negative priority', async () => {
    await expectRule('PG-13', gangPg({ priority: -5 })).toPass();
  });
  it('rejects above 1000000000, and warns that any value is dropped with the gate off', async () => {
    await expectRule('PG-13', gangPg({ priority: 1000000001 })).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.priority',
        message: 'spec.priority: Invalid value: 1000000001: must be less than or equal to 1000000000',
      },
    ]);
    await expectRule('PG-13', gangPg({ priority: 10 }), wapOff).toReport([
      {
        reason: 'FieldValueForbidden',
        field: 'spec.priority',
        message: 'spec.priority: Forbidden: dropped by the API server: the WorkloadAwarePreemption feature gate is off',
      },
    ]);
  });
});

describe('gated fields set while the gate is off (issue 13 §3)', () => {
  it('are warnings, never errors: the API server drops them before validation, so nothing is rejected', async () => {
    const set = gangPg({ disruptionMode: 'PodGroup', priorityClassName: 'high', priority: 10 });
    const verdict = await evaluate(
      { operation: 'CREATE', object: set, gates: { ...allGatesOn(), WorkloadAwarePreemption: false } },
      new ManifestLookup([]),
    );
    expect(verdict.errors).toEqual([]);
    expect(verdict.warnings.map((f) => f.rule)).toEqual(['PG-11', 'PG-12', 'PG-13']);
  });
});
