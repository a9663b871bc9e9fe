// POD-10: PodGroupProtection's validating half (ADM-11) for Pods; POD-11: eviction responders.

import { describe, expect, it } from '@jest/globals';
import { allGatesOn } from '@kubectl-workload/api';
import type { Job, Pod } from '@kubectl-workload/api';
import { evaluate } from '../../engine.js';
import { ManifestLookup } from '../../manifest-lookup.js';
import { expectRule } from '../../test-support/expect-rule.js';
import { podGroup137 } from './test-support/objects.js';

const pod: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'w-0', namespace: 'ml' },
  spec: { schedulingGroup: { podGroupName: 'workers' }, containers: [{ name: 'c', image: 'x' }] },
};
const deleting = podGroup137({}, { metadata: { name: 'workers', namespace: 'ml', deletionTimestamp: '2026-12-01T00:00:00Z' } });

describe('POD-10 no Pod into a PodGroup being deleted', () => {
  it('rejects with the admission plugin message', async () => {
    await expectRule('POD-10', pod, { kubeVersion: '1.37', objects: [deleting] }).toReport([
      {
        reason: 'Forbidden',
        field: 'spec.schedulingGroup.podGroupName',
        message: 'cannot create Pod referencing PodGroup "workers" because it is being deleted',
      },
    ]);
  });
  it('allows a missing or live PodGroup, and does not exist in 1.36', async () => {
    await expectRule('POD-10', pod, { kubeVersion: '1.37' }).toPass();
    await expectRule('POD-10', pod, { kubeVersion: '1.37', objects: [podGroup137({})] }).toPass();
    await expectRule('POD-10', pod, { objects: [deleting] }).toPass();
  });
});

describe('POD-11 evictionResponders with schedulingGroup (alpha, shadow in 1.37)', () => {
  const responding: Pod = { ...pod, spec: { ...pod.spec, evictionResponders: [{ name: 'drainer' }] } };
  const warning = {
    reason: 'FieldValueForbidden',
    field: 'spec.schedulingGroup',
    message: 'spec.schedulingGroup: Forbidden: may not be set when evictionResponders is set',
  } as const;

  it('warns with the upstream dependentForbidden text, on Pods and pod templates', async () => {
    await expectRule('POD-11', responding, { kubeVersion: '1.37' }).toReport([warning]);
    const job: Job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'train', namespace: 'ml' },
      spec: { template: { spec: responding.spec } },
    };
    await expectRule('POD-11', job, { kubeVersion: '1.37' }).toReport([
      {
        ...warning,
        field: 'spec.template.spec.schedulingGroup',
        message: 'spec.template.spec.schedulingGroup: Forbidden: may not be set when evictionResponders is set',
      },
    ]);
  });
  it('is a warning, not a rejection: the 1.37 API server does not enforce alpha declarative rules', async () => {
    const verdict = await evaluate(
      { operation: 'CREATE', object: responding, gates: allGatesOn('1.37'), kubeVersion: '1.37' },
      new ManifestLookup([podGroup137({}, { metadata: { name: 'workers', namespace: 'ml' } })]),
    );
    expect(verdict.errors).toEqual([]);
    expect(verdict.warnings.map((f) => f.rule)).toEqual(['POD-11']);
  });
  it('passes either field alone, an empty responder list, and an update that already combined both', async () => {
    await expectRule('POD-11', pod, { kubeVersion: '1.37' }).toPass();
    await expectRule(
      'POD-11',
      { ...pod, spec: { containers: pod.spec?.containers, evictionResponders: [{ name: 'drainer' }] } },
      { kubeVersion: '1.37' },
    ).toPass();
    await expectRule('POD-11', { ...pod, spec: { ...pod.spec, evictionResponders: [] } }, { kubeVersion: '1.37' }).toPass();
    await expectRule('POD-11', responding, { kubeVersion: '1.37', oldObject: responding }).toPass();
    await expectRule('POD-11', responding, { kubeVersion: '1.37', oldObject: pod }).toReport([warning]);
  });
  it('needs GenericWorkload (schedulingGroup is dropped without it) and does not exist in 1.36', async () => {
    await expectRule('POD-11', responding, { kubeVersion: '1.37', gates: { GenericWorkload: false } }).toPass();
    await expectRule('POD-11', responding, { kubeVersion: '1.36' }).toPass();
  });
});
