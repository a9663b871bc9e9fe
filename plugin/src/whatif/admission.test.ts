// The what-if's admission check follows the cluster's version: under 1.37 the Job controller makes a
// Workload for every root Job (api-rules-1.37 JOB-02), so an over-long basic Job name is refused
// downstream (X-23, JOB-05), while 1.36 leaves that Job alone.

import { describe, expect, it } from '@jest/globals';
import { loadManifests } from '../input/manifests.js';
import { admissionRejections } from './admission.js';

const name = 'n'.repeat(58);
const manifests = loadManifests({
  name: 'job.yaml',
  text: `apiVersion: batch/v1
kind: Job
metadata: {name: ${name}, namespace: ml}
spec:
  parallelism: 2
  template:
    spec:
      containers: [{name: main, image: t}]
`,
}).objects;

describe('admissionRejections', () => {
  it('refuses a basic Job with a 58-character name under 1.37 (X-23), not under 1.36', async () => {
    expect(await admissionRejections(manifests, [], '1.37')).toEqual([
      `job.yaml:3:12: X-23 Job ml/${name}: metadata.name: Invalid value: "${name}": must be no more than 57 characters for a root Job: the Job controller names its PodGroupTemplate "${name}-pgt-0" (64 characters, over the 63 allowed), so the Workload it creates is rejected`,
    ]);
    expect(await admissionRejections(manifests, [], '1.36')).toEqual([]);
    expect(await admissionRejections(manifests, [])).toEqual([]);
  });
});
