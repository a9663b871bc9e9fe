// MIG-01 and ADM-10: an object of the API version the checked Kubernetes version does not serve is
// reported once, and nothing else runs on it.

import { describe, expect, it } from '@jest/globals';
import { allGatesOn } from '@kubectl-workload/api';
import type { KubeObject } from '@kubectl-workload/api';
import { evaluate } from '../../engine.js';
import { renderFinding } from '../../finding.js';
import { ManifestLookup } from '../../manifest-lookup.js';
import { expectRule } from '../../test-support/expect-rule.js';
import { podGroup137 } from './test-support/objects.js';

const v1alpha2: KubeObject = {
  apiVersion: 'scheduling.k8s.io/v1alpha2',
  kind: 'PodGroup',
  metadata: { name: 'pg', namespace: 'ml' },
  spec: { schedulingPolicy: {} },
} as KubeObject;

describe('MIG-01: v1alpha2 under Kubernetes 1.37', () => {
  it('says the version is not served and points at convert', async () => {
    await expectRule('MIG-01', v1alpha2, { kubeVersion: '1.37' }).toReport([
      {
        reason: 'Forbidden',
        field: 'apiVersion',
        message:
          'no matches for kind "PodGroup" in version "scheduling.k8s.io/v1alpha2": Kubernetes 1.37 does not serve it; convert it with `kubectl workload convert` (docs/upgrade-1.37.md)',
      },
    ]);
  });
  it('stops every other rule, and is silent under 1.36', async () => {
    const verdict = await evaluate(
      { operation: 'CREATE', object: v1alpha2, gates: allGatesOn('1.37'), kubeVersion: '1.37' },
      new ManifestLookup([]),
    );
    expect(verdict.errors.map((f) => f.rule)).toEqual(['MIG-01']);
    await expectRule('MIG-01', v1alpha2).toPass();
    await expectRule('PG-07', v1alpha2).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.schedulingPolicy',
        message: 'spec.schedulingPolicy: Invalid value: "": must specify one of: `basic`, `gang`',
      },
    ]);
  });
});

describe('ADM-10: the 1.37 versions under Kubernetes 1.36', () => {
  it('reports a v1beta1 PodGroup checked against 1.36', async () => {
    const verdict = await evaluate(
      { operation: 'CREATE', object: podGroup137({}), gates: allGatesOn(), kubeVersion: '1.36' },
      new ManifestLookup([]),
    );
    expect(verdict.errors.map((f) => [f.rule, renderFinding(f)])).toEqual([
      [
        'ADM-10',
        'no matches for kind "PodGroup" in version "scheduling.k8s.io/v1beta1": Kubernetes 1.36 does not serve it; use scheduling.k8s.io/v1alpha2 on 1.36, or check against 1.37 (--kube-version 1.37)',
      ],
    ]);
  });
  it('takes the version from the object when none is given', async () => {
    await expectRule('ADM-10', podGroup137({})).toPass();
  });
});
