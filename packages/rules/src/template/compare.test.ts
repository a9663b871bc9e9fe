import type { PodGroupPolicyFields } from '@kubectl-workload/api';
import { compareWithTemplate } from './compare.js';

const template: PodGroupPolicyFields = {
  schedulingPolicy: { gang: { minCount: 4 } },
  schedulingConstraints: { topology: [{ key: 'topology.kubernetes.io/zone' }] },
  resourceClaims: [
    { name: 'a', resourceClaimName: 'claim-a' },
    { name: 'b', resourceClaimTemplateName: 'tpl-b' },
  ],
  priorityClassName: 'high',
  priority: 1000,
};

describe('compareWithTemplate (X-10..X-14)', () => {
  it('finds no difference for a faithful copy, claims in any order, defaulted disruptionMode', () => {
    const pg = { ...template, resourceClaims: [...(template.resourceClaims ?? [])].reverse(), disruptionMode: 'Pod' };
    expect(compareWithTemplate(pg, template)).toEqual([]);
  });

  it('reports each differing field with both values', () => {
    const pg: PodGroupPolicyFields = {
      schedulingPolicy: { gang: { minCount: 3 } },
      schedulingConstraints: { topology: [{ key: 'kubernetes.io/hostname' }] },
      resourceClaims: [{ name: 'a', resourceClaimTemplateName: 'claim-a' }],
      disruptionMode: 'PodGroup',
      priorityClassName: 'low',
      priority: 10,
    };
    expect(compareWithTemplate(pg, template)).toEqual([
      { field: 'schedulingPolicy', path: 'spec.schedulingPolicy', podGroup: pg.schedulingPolicy, template: template.schedulingPolicy },
      {
        field: 'schedulingConstraints',
        path: 'spec.schedulingConstraints',
        podGroup: pg.schedulingConstraints,
        template: template.schedulingConstraints,
      },
      { field: 'resourceClaims', path: 'spec.resourceClaims', podGroup: pg.resourceClaims, template: template.resourceClaims },
      { field: 'disruptionMode', path: 'spec.disruptionMode', podGroup: 'PodGroup', template: undefined },
      { field: 'priorityClassName', path: 'spec.priorityClassName', podGroup: 'low', template: 'high' },
      { field: 'priority', path: 'spec.priority', podGroup: 10, template: 1000 },
    ]);
  });

  it('tells basic from gang', () => {
    expect(
      compareWithTemplate({ schedulingPolicy: { basic: {} } }, { schedulingPolicy: { gang: { minCount: 1 } } }).map((d) => d.field),
    ).toEqual(['schedulingPolicy']);
  });

  it('treats no constraints, {} and an empty topology list alike', () => {
    const pg = { schedulingPolicy: { basic: {} }, schedulingConstraints: {} };
    expect(compareWithTemplate(pg, { schedulingPolicy: { basic: {} }, schedulingConstraints: { topology: [] } })).toEqual([]);
    expect(compareWithTemplate({ schedulingPolicy: { basic: {} } }, pg)).toEqual([]);
  });

  it('compares priority only when both are set', () => {
    expect(compareWithTemplate({ ...template, priority: undefined }, template)).toEqual([]);
    expect(compareWithTemplate(template, { ...template, priority: undefined })).toEqual([]);
  });

  it('compares only the fields asked for, in TEMPLATE_FIELDS order', () => {
    const spec = { schedulingPolicy: { basic: {} }, priorityClassName: 'low', priority: 1 };
    expect(compareWithTemplate(spec, template, ['priorityClassName', 'priority']).map((d) => d.field)).toEqual([
      'priorityClassName',
      'priority',
    ]);
    expect(compareWithTemplate(spec, template, ['disruptionMode'])).toEqual([]);
  });

  it('treats a missing PodGroup spec as all fields unset', () => {
    expect(compareWithTemplate(undefined, { schedulingPolicy: { basic: {} } }).map((d) => d.field)).toEqual(['schedulingPolicy']);
  });

  it('compares by value: equal nested values in separate objects match, a number never matches its string', () => {
    const policy = (minCount: unknown): PodGroupPolicyFields => ({
      schedulingPolicy: { gang: { minCount } } as PodGroupPolicyFields['schedulingPolicy'],
    });
    expect(compareWithTemplate(policy(4), policy(4))).toEqual([]);
    expect(compareWithTemplate(policy(undefined), policy(0))).toEqual([]);
    expect(compareWithTemplate(policy('4'), policy(4)).map((d) => d.field)).toEqual(['schedulingPolicy']);
    const claims = (claimName: string | undefined): PodGroupPolicyFields => ({
      resourceClaims: [{ name: 'a', ...(claimName ? { resourceClaimName: claimName } : {}) }],
    });
    expect(compareWithTemplate(claims('c'), claims('c'))).toEqual([]);
    expect(compareWithTemplate(claims('c'), claims(undefined)).map((d) => d.field)).toEqual(['resourceClaims']);
    expect(compareWithTemplate({ resourceClaims: [] }, {})).toEqual([]);
  });

  it('compares a 1.37 union disruptionMode by member, unset meaning single (PG-50)', () => {
    const mode = (m: unknown) => ({ disruptionMode: m }) as PodGroupPolicyFields;
    expect(compareWithTemplate(mode({ single: {} }), mode(undefined), ['disruptionMode'])).toEqual([]);
    expect(compareWithTemplate(mode({ all: {} }), mode({ all: {} }), ['disruptionMode'])).toEqual([]);
    expect(compareWithTemplate(mode({ all: {} }), mode(undefined), ['disruptionMode']).map((d) => d.field)).toEqual(['disruptionMode']);
    expect(compareWithTemplate(mode({ single: {}, all: {} }), mode({ all: {} }), ['disruptionMode']).map((d) => d.field)).toEqual([
      'disruptionMode',
    ]);
  });
});
