// The v1alpha2 → 1.37 mapping of api-rules-1.37.md §10.2, one rule per case (MIG-01, PG-11, WL-25, WL-38, PG-52).

import { describe, expect, it } from '@jest/globals';
import type { KubeObject } from '@kubectl-workload/api';
import { convertObject, isConvertible, type ConversionContext } from './convert-object.js';

const V1BETA1 = 'scheduling.k8s.io/v1beta1';
const none: ConversionContext = { priorityClasses: new Map() };

function podGroup(spec: Record<string, unknown>, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'scheduling.k8s.io/v1alpha2',
    kind: 'PodGroup',
    metadata: { name: 'pg', namespace: 'ns' },
    spec,
    ...extra,
  } as KubeObject;
}

function workload(templates: Array<Record<string, unknown>>): KubeObject {
  return {
    apiVersion: 'scheduling.k8s.io/v1alpha2',
    kind: 'Workload',
    metadata: { name: 'wl', namespace: 'ns' },
    spec: { podGroupTemplates: templates },
  } as KubeObject;
}

describe('isConvertible', () => {
  it('takes v1alpha2 Workloads and PodGroups only', () => {
    expect(isConvertible(podGroup({}))).toBe(true);
    expect(isConvertible({ apiVersion: 'scheduling.k8s.io/v1beta1', kind: 'PodGroup' })).toBe(false);
    expect(isConvertible({ apiVersion: 'scheduling.k8s.io/v1alpha2', kind: 'Pod' })).toBe(false);
    expect(isConvertible({ apiVersion: 'v1', kind: 'Pod' })).toBe(false);
  });
});

describe('convertObject', () => {
  it('moves podGroupTemplateRef.workload to workloadRef with templateName (PG-03, PG-05, PG-06)', () => {
    const result = convertObject(
      podGroup({ podGroupTemplateRef: { workload: { workloadName: 'w', podGroupTemplateName: 't' } } }),
      V1BETA1,
      none,
    );
    expect(result.decisions).toEqual([]);
    expect(result.edits).toEqual([
      { op: 'set', path: ['apiVersion'], value: V1BETA1 },
      { op: 'rename', path: ['spec', 'podGroupTemplateRef'], key: 'workloadRef', value: { workloadName: 'w', templateName: 't' } },
    ]);
  });

  it('maps disruptionMode Pod/PodGroup to the union on PodGroups and templates (PG-11, WL-25)', () => {
    const pg = convertObject(podGroup({ disruptionMode: 'PodGroup' }), V1BETA1, none);
    expect(pg.edits).toContainEqual({ op: 'set', path: ['spec', 'disruptionMode'], value: { all: {} } });
    const wl = convertObject(workload([{ name: 'a', disruptionMode: 'Pod' }, { name: 'b' }]), V1BETA1, none);
    expect(wl.edits).toContainEqual({ op: 'set', path: ['spec', 'podGroupTemplates', 0, 'disruptionMode'], value: { single: {} } });
    expect(wl.edits.some((e) => e.path.includes(1))).toBe(false);
    expect(wl.changes).toContain('spec.podGroupTemplates[0].disruptionMode: "Pod" → {single: {}}');
  });

  it('asks for a decision on a disruptionMode without a 1.37 equivalent instead of guessing', () => {
    const result = convertObject(podGroup({ disruptionMode: 'Gang' }), V1BETA1, none);
    expect(result.decisions).toEqual([
      { field: 'spec.disruptionMode', message: '"Gang" has no 1.37 equivalent (supported values: "Pod", "PodGroup")' },
    ]);
  });

  it('asks for a decision when templates carry different priorities (WL-38)', () => {
    const result = convertObject(
      workload([
        { name: 'driver', priorityClassName: 'high' },
        { name: 'workers', priorityClassName: 'low', priority: 5 },
      ]),
      V1BETA1,
      none,
    );
    expect(result.decisions).toHaveLength(1);
    expect(result.decisions[0]?.field).toBe('spec.podGroupTemplates');
    expect(result.decisions[0]?.message).toContain('driver: class "high"; workers: class "low", priority 5');
    expect(result.decisions[0]?.message).toContain('WL-38');
    expect(
      convertObject(
        workload([
          { name: 'a', priorityClassName: 'high' },
          { name: 'b', priorityClassName: 'high' },
        ]),
        V1BETA1,
        none,
      ).decisions,
    ).toEqual([]);
  });

  it('asks for a decision on an empty podGroupTemplateRef', () => {
    expect(convertObject(podGroup({ podGroupTemplateRef: {} }), V1BETA1, none).decisions.map((d) => d.field)).toEqual([
      'spec.podGroupTemplateRef',
    ]);
  });

  it('drops server-set metadata and status, keeping labels and other owners (MIG-01)', () => {
    const obj = podGroup(
      {},
      {
        metadata: {
          name: 'pg',
          uid: 'u1',
          resourceVersion: '7',
          managedFields: [],
          labels: { a: 'b' },
          ownerReferences: [
            { apiVersion: 'batch/v1', kind: 'Job', name: 'j', uid: 'j1', controller: true },
            { apiVersion: 'scheduling.k8s.io/v1alpha2', kind: 'Workload', name: 'w', uid: 'w1' },
          ],
        },
        status: { conditions: [{ type: 'PodGroupScheduled', status: 'True' }] },
      },
    );
    const result = convertObject(obj, V1BETA1, none);
    const deleted = result.edits.filter((e) => e.op === 'delete').map((e) => e.path);
    expect(deleted).toEqual([
      ['metadata', 'uid'],
      ['metadata', 'resourceVersion'],
      ['metadata', 'managedFields'],
      ['metadata', 'ownerReferences', 1],
      ['status'],
    ]);
    expect(result.changes.join('\n')).toContain('dropped ownerReference to Workload "w"');
  });

  it('removes the ownerReferences list when every entry pointed at a v1alpha2 object', () => {
    const obj = podGroup(
      {},
      { metadata: { name: 'pg', ownerReferences: [{ apiVersion: 'scheduling.k8s.io/v1alpha2', kind: 'Workload', name: 'w', uid: 'w1' }] } },
    );
    expect(convertObject(obj, V1BETA1, none).edits).toContainEqual({ op: 'delete', path: ['metadata', 'ownerReferences'] });
  });

  it('drops a preset priority that Priority admission would reject against its class (PG-52)', () => {
    const context = { priorityClasses: new Map([['high', 1000]]) };
    const stale = convertObject(podGroup({ priorityClassName: 'high', priority: 5 }), V1BETA1, context);
    expect(stale.edits).toContainEqual({ op: 'delete', path: ['spec', 'priority'] });
    const matching = convertObject(podGroup({ priorityClassName: 'high', priority: 1000 }), V1BETA1, context);
    expect(matching.edits.some((e) => e.path.join('.') === 'spec.priority')).toBe(false);
    const unknownClass = convertObject(podGroup({ priorityClassName: 'other', priority: 5 }), V1BETA1, context);
    expect(unknownClass.edits.some((e) => e.path.join('.') === 'spec.priority')).toBe(false);
  });
});
