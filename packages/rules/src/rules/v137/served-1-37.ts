// Which API versions a Kubernetes version serves (MIG-01, ADM-10): 1.37 removed
// scheduling.k8s.io/v1alpha2, and 1.36 never had v1beta1/v1alpha3. An object of the other version is
// refused before any validation (no REST mapping), so these rules stop the engine like a decode failure.

import { kubeVersionOfObject } from '@kubectl-workload/api';
import type { KubeVersion } from '@kubectl-workload/api';
import { defineRule, type Rule } from '../../rule.js';

function servedRule(id: string, version: KubeVersion, doc: string, advice: string): Rule {
  return defineRule({
    id,
    doc,
    severity: 'error',
    style: 'admission',
    kinds: ['Workload', 'PodGroup', 'CompositePodGroup'],
    operations: ['CREATE', 'UPDATE', 'DELETE'],
    subResources: ['', 'status'],
    decode: true,
    check: ({ object }) => {
      const own = kubeVersionOfObject(object);
      if (own === undefined || own === version) return [];
      // kubectl's wording when the API server has no mapping for the version.
      return [
        {
          field: 'apiVersion',
          message: `no matches for kind "${object.kind ?? ''}" in version "${object.apiVersion ?? ''}": Kubernetes ${version} does not serve it; ${advice}`,
        },
      ];
    },
  });
}

/** MIG-01: a v1alpha2 object checked against 1.37. */
export const mig01 = servedRule(
  'MIG-01',
  '1.37',
  'Kubernetes 1.37 does not serve scheduling.k8s.io/v1alpha2: a v1alpha2 object must be converted (and the live one deleted before the upgrade).',
  'convert it with `kubectl workload convert` (docs/upgrade-1.37.md)',
);

/** ADM-10: a v1beta1/v1alpha3 object checked against 1.36. */
export const adm10 = servedRule(
  'ADM-10',
  '1.36',
  'Kubernetes 1.36 serves Workload and PodGroup only as scheduling.k8s.io/v1alpha2 (v1beta1 and v1alpha3 are 1.37).',
  'use scheduling.k8s.io/v1alpha2 on 1.36, or check against 1.37 (--kube-version 1.37)',
);
