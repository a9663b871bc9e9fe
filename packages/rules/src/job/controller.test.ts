// jobControllerPlan: the one place that picks the 1.36 (JOB-02 qualification) or the 1.37 (JOB-02
// management mode, JOB-06..09, JOB-28) Job controller.

import { allGatesOn, type Job, type Pod } from '@kubectl-workload/api';
import { jobControllerPlan } from './controller.js';

const basic: Job = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'etl', namespace: 'ml', uid: 'u' },
  spec: { parallelism: 2, template: { spec: { containers: [] } } },
};

describe('jobControllerPlan', () => {
  it('a basic (non-gang) Job gets a basic Workload and PodGroup under 1.37 and does not qualify under 1.36', () => {
    const v137 = jobControllerPlan(basic, '1.37');
    expect(v137).toMatchObject({ version: '1.37', mode: 'manageBoth', createsObjects: true, reasons: [] });
    expect(v137.workload).toMatchObject({
      apiVersion: 'scheduling.k8s.io/v1alpha3',
      spec: { podGroupTemplates: [{ schedulingPolicy: { basic: {} } }] },
    });
    expect(v137.podGroup).toMatchObject({ spec: { workloadRef: { templateName: 'etl-pgt-0' }, schedulingPolicy: { basic: {} } } });

    const v136 = jobControllerPlan(basic, '1.36');
    expect(v136).toEqual({
      version: '1.36',
      mode: 'manageNone',
      createsObjects: false,
      reasons: [
        'JOB-02: spec.completionMode is not set (it must be "Indexed")',
        'JOB-02: spec.completions is not set (it must equal spec.parallelism)',
      ],
    });
  });

  it('JOB-03 in both versions: a started Job gets no objects created', () => {
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'etl-0',
        namespace: 'ml',
        ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'etl', uid: 'u', controller: true }],
      },
    };
    expect(jobControllerPlan(basic, '1.37', { pods: [pod] })).toMatchObject({
      mode: 'manageBoth',
      createsObjects: false,
      reasons: ['JOB-03: the Job already has 1 pod (only new Jobs get a Workload)'],
    });
  });

  it('JOB-01: nothing with WorkloadWithJob off', () => {
    for (const version of ['1.36', '1.37'] as const) {
      expect(jobControllerPlan(basic, version, { gates: { ...allGatesOn(version), WorkloadWithJob: false } })).toEqual({
        version,
        mode: 'manageNone',
        createsObjects: false,
        reasons: ['JOB-01: the WorkloadWithJob feature gate is off, so the Job controller creates no Workload or PodGroup'],
      });
    }
  });

  it("JOB-28: a delegated Job's PodGroup comes from its owner's Workload, once that exists", () => {
    const delegated: Job = {
      ...basic,
      metadata: {
        ...basic.metadata,
        annotations: { 'scheduling.k8s.io/group-template-name': 'workers' },
        ownerReferences: [{ apiVersion: 'jobset.x-k8s.io/v1alpha2', kind: 'JobSet', name: 'js', uid: 'js', controller: true }],
      },
    };
    expect(jobControllerPlan(delegated, '1.37')).toEqual({
      version: '1.37',
      mode: 'managePodGroupOnly',
      createsObjects: false,
      reasons: ["JOB-28: no Workload's spec.controllerRef names the Job's owner yet (the Job controller retries later)"],
    });
    const parent = {
      apiVersion: 'scheduling.k8s.io/v1beta1',
      kind: 'Workload',
      metadata: { name: 'js', namespace: 'ml', uid: 'w' },
      spec: {
        controllerRef: { apiGroup: 'jobset.x-k8s.io', kind: 'JobSet', name: 'js' },
        podGroupTemplates: [{ name: 'workers', schedulingPolicy: { gang: { minCount: 4 } } }],
      },
    };
    const plan = jobControllerPlan(delegated, '1.37', { workloads: [parent] });
    expect(plan).toMatchObject({ mode: 'managePodGroupOnly', createsObjects: true, reasons: [] });
    expect(plan.workload).toBeUndefined();
    expect(plan.podGroup).toMatchObject({
      spec: { workloadRef: { workloadName: 'js', templateName: 'workers' }, schedulingPolicy: { gang: { minCount: 4 } } },
    });
    expect(
      jobControllerPlan(delegated, '1.37', { workloads: [{ ...parent, spec: { ...parent.spec, podGroupTemplates: [] } }] }).reasons,
    ).toEqual([
      'JOB-28: Workload "js" has no pod group template "workers" (named by scheduling.k8s.io/group-template-name; the Job controller retries later)',
    ]);
  });
});
