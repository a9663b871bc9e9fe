// POD-10: PodGroupProtection's validating half (ADM-11) for Pods.

import { describe, it } from '@jest/globals';
import type { Pod } from '@kubectl-workload/api';
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
