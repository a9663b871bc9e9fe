// JOB-06, JOB-07, JOB-09, JOB-12 (api-rules-1.37 §7.3): the objects the v1.37 Job controller sends.

import type { Job, Workload137 } from '@kubectl-workload/api';
import { compiledSchedulingPolicy137, expectedPodGroupForJob137, expectedWorkloadForJob137 } from './expected-objects-1-37.js';
import { podOwnerReferencesForJob } from './expected-objects.js';
import { workloadNameForJob } from './names.js';

const job = (spec: Record<string, unknown> = {}, template: Record<string, unknown> = {}): Job => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'my-job', namespace: 'ml', uid: 'job-uid' },
  spec: { parallelism: 3, template: { spec: { containers: [], ...template } }, ...spec },
});
const jobRef = { apiVersion: 'batch/v1', kind: 'Job', name: 'my-job', uid: 'job-uid', controller: true, blockOwnerDeletion: true };

describe('JOB-06 (1.37): the compiled scheduling policy', () => {
  it('is basic without spec.scheduling, or with spec.scheduling but no policy', () => {
    expect(compiledSchedulingPolicy137(job())).toEqual({ basic: {} });
    expect(compiledSchedulingPolicy137(job({ scheduling: { disruptionMode: { all: {} } } }))).toEqual({ basic: {} });
    expect(compiledSchedulingPolicy137(job({ scheduling: { schedulingPolicy: { basic: {} } } }))).toEqual({ basic: {} });
  });

  it('takes a gang minCount as given, else parallelism clamped to at least 1', () => {
    expect(compiledSchedulingPolicy137(job({ scheduling: { schedulingPolicy: { gang: { minCount: 2 } } } }))).toEqual({
      gang: { minCount: 2 },
    });
    expect(compiledSchedulingPolicy137(job({ scheduling: { schedulingPolicy: { gang: {} } } }))).toEqual({ gang: { minCount: 3 } });
    expect(compiledSchedulingPolicy137(job({ parallelism: 0, scheduling: { schedulingPolicy: { gang: {} } } }))).toEqual({
      gang: { minCount: 1 },
    });
    expect(compiledSchedulingPolicy137(job({ parallelism: undefined, scheduling: { schedulingPolicy: { gang: {} } } }))).toEqual({
      gang: { minCount: 1 },
    });
  });
});

describe('JOB-06/JOB-07 (1.37): the Workload of a root Job', () => {
  it('gives a basic Job (no spec.scheduling, not Indexed) a Workload with one basic template', () => {
    expect(expectedWorkloadForJob137(job())).toEqual({
      apiVersion: 'scheduling.k8s.io/v1alpha3',
      kind: 'Workload',
      metadata: { name: workloadNameForJob(job()), namespace: 'ml', ownerReferences: [jobRef] },
      spec: {
        controllerRef: { apiGroup: 'batch', kind: 'Job', name: 'my-job' },
        podGroupTemplates: [{ name: 'my-job-pgt-0', schedulingPolicy: { basic: {} } }],
      },
    });
  });

  it('copies constraints, the union disruptionMode, claims and the pod priorityClassName into the template, not defaulting them', () => {
    const scheduling = {
      schedulingPolicy: { gang: {} },
      schedulingConstraints: { topology: [{ key: 'topology.kubernetes.io/zone' }] },
      disruptionMode: { all: {} },
      resourceClaims: [{ name: 'gpus', resourceClaimTemplateName: 'gpu-template' }],
    };
    const workload = expectedWorkloadForJob137(job({ parallelism: 4, scheduling }, { priorityClassName: 'high' }));
    expect(workload.spec?.podGroupTemplates).toEqual([
      {
        name: 'my-job-pgt-0',
        schedulingPolicy: { gang: { minCount: 4 } },
        schedulingConstraints: { topology: [{ key: 'topology.kubernetes.io/zone' }] },
        disruptionMode: { all: {} },
        resourceClaims: [{ name: 'gpus', resourceClaimTemplateName: 'gpu-template' }],
        priorityClassName: 'high',
      },
    ]);
  });

  it('never writes the resolution back to the Job', () => {
    const gang = job({ scheduling: { schedulingPolicy: { gang: {} } } });
    expectedWorkloadForJob137(gang);
    expect(gang.spec).toMatchObject({ scheduling: { schedulingPolicy: { gang: {} } } });
  });
});

describe('JOB-09 (1.37): the PodGroup', () => {
  const workload = (): Workload137 => ({
    ...expectedWorkloadForJob137(job({ scheduling: { schedulingPolicy: { gang: { minCount: 2 } }, disruptionMode: { all: {} } } })),
    metadata: { name: 'my-workload', namespace: 'ml', uid: 'wl-uid' },
  });

  it('of a root Job: spec.workloadRef, the template fields, the Job as controller and the Workload as plain owner', () => {
    expect(expectedPodGroupForJob137(job(), workload())).toEqual({
      apiVersion: 'scheduling.k8s.io/v1alpha3',
      kind: 'PodGroup',
      metadata: {
        name: 'my-workload-my-job-pgt-0-79b64977bd',
        namespace: 'ml',
        ownerReferences: [jobRef, { apiVersion: 'scheduling.k8s.io/v1alpha3', kind: 'Workload', name: 'my-workload', uid: 'wl-uid' }],
      },
      spec: {
        workloadRef: { workloadName: 'my-workload', templateName: 'my-job-pgt-0' },
        schedulingPolicy: { gang: { minCount: 2 } },
        disruptionMode: { all: {} },
      },
    });
  });

  it('of a delegated Job (JOB-28): the annotated template, found under composite templates, and no Workload ownerReference', () => {
    const parent: Workload137 = {
      apiVersion: 'scheduling.k8s.io/v1beta1',
      kind: 'Workload',
      metadata: { name: 'js', namespace: 'ml', uid: 'js-uid' },
      spec: {
        compositePodGroupTemplates: [
          {
            name: 'all',
            schedulingPolicy: { basic: {} },
            podGroupTemplates: [{ name: 'workers', schedulingPolicy: { gang: { minCount: 4 } } }],
          },
        ],
      },
    };
    expect(expectedPodGroupForJob137(job(), parent, { templateName: 'workers' })).toEqual({
      apiVersion: 'scheduling.k8s.io/v1alpha3',
      kind: 'PodGroup',
      metadata: { name: 'js-workers-c7b49c5c7', namespace: 'ml', ownerReferences: [jobRef] },
      spec: { workloadRef: { workloadName: 'js', templateName: 'workers' }, schedulingPolicy: { gang: { minCount: 4 } } },
    });
    expect(expectedPodGroupForJob137(job(), parent, { templateName: 'leaders' })).toBeUndefined();
  });
});

describe('JOB-12 (1.37): the pods', () => {
  it('are owned by the Job and, as a plain owner, by the v1alpha3 PodGroup', () => {
    const podGroup = expectedPodGroupForJob137(job(), { ...expectedWorkloadForJob137(job()), metadata: { name: 'wl', uid: 'wl-uid' } });
    expect(podOwnerReferencesForJob(job(), podGroup)).toEqual([
      jobRef,
      { apiVersion: 'scheduling.k8s.io/v1alpha3', kind: 'PodGroup', name: podGroup?.metadata?.name, uid: '' },
    ]);
  });
});
