// -f synthesis: the objects the Job controller (api-rules JOB-02, JOB-03, JOB-06..09) and the
// Deployment/StatefulSet controllers would add, and the units the verdicts are about.

import { describe, expect, it } from '@jest/globals';
import { allGatesOn, type Pod, type Workload } from '@kubectl-workload/api';
import { expectedPodGroupForJob, expectedWorkloadForJob } from '@kubectl-workload/rules';
import { loadManifests } from '../input/manifests.js';
import { synthesizeWhatIf } from './synthesize.js';

const NOW = '2026-11-23T12:00:00Z';

function whatIf(text: string) {
  return synthesizeWhatIf(loadManifests({ name: 'job.yaml', text }).objects, 'team-a', NOW);
}

const JOB = `apiVersion: batch/v1
kind: Job
metadata: {name: train}
spec:
  parallelism: 3
  completions: 3
  completionMode: Indexed
  template:
    metadata: {labels: {app: train}}
    spec:
      containers: [{name: main, image: t, resources: {requests: {cpu: '1'}}}]
`;

const pods = (w: ReturnType<typeof whatIf>) => w.objects.map((o) => o.object).filter((o): o is Pod => o.kind === 'Pod');

describe('synthesizeWhatIf', () => {
  it('gives a gang-qualified Job its Workload, PodGroup and parallelism indexed pods naming the PodGroup (JOB-06..09, JOB-12)', () => {
    const w = whatIf(JOB);
    const job = { ...loadManifests({ name: 'j', text: JOB }).objects[0]?.object, metadata: { name: 'train', namespace: 'team-a' } };
    const workload = expectedWorkloadForJob(job);
    const group = expectedPodGroupForJob(job, workload);
    expect(w.objects.map((o) => `${o.object.kind}/${o.object.metadata?.namespace}/${o.object.metadata?.name}`)).toEqual([
      'Job/team-a/train',
      `Workload/team-a/${workload?.metadata?.name}`,
      `PodGroup/team-a/${group?.metadata?.name}`,
      'Pod/team-a/train-0',
      'Pod/team-a/train-1',
      'Pod/team-a/train-2',
    ]);
    expect(w.objects.every((o) => o.file === 'job.yaml')).toBe(true);
    const [first] = pods(w);
    expect(first?.spec?.schedulingGroup).toEqual({ podGroupName: group?.metadata?.name });
    expect(first?.metadata).toMatchObject({
      creationTimestamp: NOW,
      labels: { app: 'train', 'batch.kubernetes.io/job-name': 'train', 'batch.kubernetes.io/job-completion-index': '0' },
      annotations: { 'batch.kubernetes.io/job-completion-index': '0' },
    });
    // JOB-12: the controller reference to the Job, and a plain one to the PodGroup the pod names.
    expect(first?.metadata?.ownerReferences).toEqual([
      { apiVersion: 'batch/v1', kind: 'Job', name: 'train', uid: '', controller: true, blockOwnerDeletion: true },
      { apiVersion: 'scheduling.k8s.io/v1alpha2', kind: 'PodGroup', name: group?.metadata?.name, uid: '' },
    ]);
    expect(first?.spec?.containers?.[0]?.resources?.requests).toEqual({ cpu: '1' });
    expect(w.units).toEqual([
      {
        kind: 'Job',
        namespace: 'team-a',
        name: 'train',
        file: 'job.yaml',
        pods: ['team-a/train-0', 'team-a/train-1', 'team-a/train-2'],
        podGroup: group?.metadata?.name,
        notes: [],
      },
    ]);
  });

  it('gives a Job plain pods owned by the Job alone while WorkloadWithJob is off (JOB-01, JOB-12)', () => {
    const off = synthesizeWhatIf(loadManifests({ name: 'job.yaml', text: JOB }).objects, 'team-a', NOW, {
      gates: { ...allGatesOn(), WorkloadWithJob: false },
    });
    expect(off.objects.map((o) => o.object.kind)).toEqual(['Job', 'Pod', 'Pod', 'Pod']);
    expect(pods(off).map((p) => [p.spec?.schedulingGroup, p.metadata?.ownerReferences?.map((r) => r.kind)])).toEqual([
      [undefined, ['Job']],
      [undefined, ['Job']],
      [undefined, ['Job']],
    ]);
    expect(off.units[0]?.notes).toEqual([
      'not gang-scheduled: JOB-01: the WorkloadWithJob feature gate is off, so the Job controller creates no Workload or PodGroup',
    ]);
  });

  it('gives a Job that does not qualify (JOB-02) plain pods and says why', () => {
    const w = whatIf(JOB.replace('completionMode: Indexed', 'completionMode: NonIndexed').replace('parallelism: 3', 'parallelism: 2'));
    expect(w.objects.map((o) => o.object.kind)).toEqual(['Job', 'Pod', 'Pod']);
    expect(pods(w).every((p) => p.spec?.schedulingGroup === undefined && p.metadata?.annotations === undefined)).toBe(true);
    expect(w.units[0]?.podGroup).toBeNull();
    expect(w.units[0]?.notes).toEqual([
      'not gang-scheduled: JOB-02: spec.completionMode is "NonIndexed" (it must be "Indexed")',
      'not gang-scheduled: JOB-02: spec.completions (3) differs from spec.parallelism (2)',
    ]);
  });

  it('creates no pods for a suspended Job, and no Workload (JOB-03)', () => {
    const w = whatIf(JOB.replace('completionMode: Indexed', 'completionMode: Indexed\n  suspend: true'));
    expect(w.objects.map((o) => o.object.kind)).toEqual(['Job']);
    expect(w.units[0]?.pods).toEqual([]);
    expect(w.units[0]?.notes).toContain('spec.suspend is true: the Job creates no pods until it is resumed');
  });

  it("keeps the template's own PodGroup; that PodGroup is then not a unit of its own", () => {
    const own = `${JOB.replace('containers:', 'schedulingGroup: {podGroupName: mine}\n      containers:')}---
apiVersion: scheduling.k8s.io/v1alpha2
kind: PodGroup
metadata: {name: mine}
spec: {schedulingPolicy: {gang: {minCount: 3}}}
`;
    const w = whatIf(own);
    expect(pods(w).map((p) => p.spec?.schedulingGroup?.podGroupName)).toEqual(['mine', 'mine', 'mine']);
    // JOB-13: the controller manages no PodGroup here, so its pods are owned by the Job alone (no JOB-12 reference).
    expect(pods(w).every((p) => p.metadata?.ownerReferences?.length === 1)).toBe(true);
    expect(w.units.map((u) => [u.kind, u.podGroup])).toEqual([['Job', 'mine']]);
    expect(w.objects.map((o) => o.object.kind)).toEqual(['Job', 'Pod', 'Pod', 'Pod', 'PodGroup']);
  });

  it('gives Deployments and StatefulSets replicas pods (default 1), and keeps other objects as written', () => {
    const w = whatIf(`apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: prod}
spec: {replicas: 2, template: {spec: {containers: [{name: c, image: x}]}}}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec: {template: {spec: {containers: [{name: c, image: x}]}}}
---
apiVersion: v1
kind: Node
metadata: {name: extra}
`);
    expect(w.objects.map((o) => `${o.object.kind}/${o.object.metadata?.namespace ?? ''}/${o.object.metadata?.name}`)).toEqual([
      'Deployment/prod/web',
      'Pod/prod/web-0',
      'Pod/prod/web-1',
      'StatefulSet/team-a/db',
      'Pod/team-a/db-0',
      'Node//extra',
    ]);
    expect(w.units.map((u) => `${u.kind}/${u.namespace}/${u.name}:${u.pods?.length}`)).toEqual([
      'Deployment/prod/web:2',
      'StatefulSet/team-a/db:1',
    ]);
  });

  it("creates the claims controllers make before scheduling: a StatefulSet's volumeClaimTemplates and ephemeral volumes", () => {
    const w = whatIf(`apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  replicas: 2
  template:
    spec:
      containers: [{name: c, image: x}]
      volumes:
      - {name: data, emptyDir: {}}
      - name: scratch
        ephemeral: {volumeClaimTemplate: {spec: {storageClassName: local, resources: {requests: {storage: 1Gi}}}}}
  volumeClaimTemplates:
  - metadata: {name: data, labels: {app: db}}
    spec: {storageClassName: gp3, accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Gi}}}
`);
    expect(w.objects.map((o) => `${o.object.kind}/${o.object.metadata?.name}${o.keepExisting ? ' (if missing)' : ''}`)).toEqual([
      'StatefulSet/db',
      'Pod/db-0',
      'Pod/db-1',
      'PersistentVolumeClaim/data-db-0 (if missing)',
      'PersistentVolumeClaim/data-db-1 (if missing)',
      'PersistentVolumeClaim/db-0-scratch (if missing)',
      'PersistentVolumeClaim/db-1-scratch (if missing)',
    ]);
    // The template's claim replaces the pod volume of the same name.
    expect(pods(w)[1]?.spec?.volumes).toEqual([
      {
        name: 'scratch',
        ephemeral: { volumeClaimTemplate: { spec: { storageClassName: 'local', resources: { requests: { storage: '1Gi' } } } } },
      },
      { name: 'data', persistentVolumeClaim: { claimName: 'data-db-1' } },
    ]);
    const scratch = w.objects.find((o) => o.object.metadata?.name === 'db-1-scratch')?.object;
    expect(scratch?.metadata?.ownerReferences).toEqual([
      { apiVersion: 'v1', kind: 'Pod', name: 'db-1', uid: '', controller: true, blockOwnerDeletion: true },
    ]);
  });

  it('makes a PodGroup of -f one unit with its -f pods, and a bare pod a unit of its own', () => {
    const w = whatIf(`apiVersion: scheduling.k8s.io/v1alpha2
kind: PodGroup
metadata: {name: g}
spec: {schedulingPolicy: {basic: {}}}
---
apiVersion: v1
kind: Pod
metadata: {name: in-g}
spec: {schedulingGroup: {podGroupName: g}, containers: [{name: c, image: x}]}
---
apiVersion: v1
kind: Pod
metadata: {name: alone}
spec: {containers: [{name: c, image: x}]}
`);
    expect(w.units.map((u) => [u.kind, u.name, u.pods, u.podGroup])).toEqual([
      ['PodGroup', 'g', undefined, 'g'],
      ['Pod', 'alone', ['team-a/alone'], null],
    ]);
  });
});

describe('synthesizeWhatIf under --kube-version 1.37 (api-rules-1.37 JOB-02, JOB-06..09, JOB-12, JOB-28)', () => {
  const BASIC = `apiVersion: batch/v1
kind: Job
metadata: {name: etl}
spec:
  parallelism: 2
  template:
    spec:
      containers: [{name: main, image: t}]
`;
  const whatIf137 = (text: string, workloads: readonly Workload[] = []) =>
    synthesizeWhatIf(loadManifests({ name: 'job.yaml', text }).objects, 'team-a', NOW, {
      gates: allGatesOn('1.37'),
      kubeVersion: '1.37',
      workloads,
    });

  it('a basic (non-gang) Job gets a Workload and a basic PodGroup under 1.37; under 1.36 it does not qualify', () => {
    const v137 = whatIf137(BASIC);
    const workload = v137.objects.find((o) => o.object.kind === 'Workload')?.object;
    const group = v137.objects.find((o) => o.object.kind === 'PodGroup')?.object;
    expect(v137.objects.map((o) => o.object.kind)).toEqual(['Job', 'Workload', 'PodGroup', 'Pod', 'Pod']);
    expect(workload).toMatchObject({
      apiVersion: 'scheduling.k8s.io/v1alpha3',
      metadata: { namespace: 'team-a' },
      spec: {
        controllerRef: { apiGroup: 'batch', kind: 'Job', name: 'etl' },
        podGroupTemplates: [{ name: 'etl-pgt-0', schedulingPolicy: { basic: {} } }],
      },
    });
    expect(group).toMatchObject({
      apiVersion: 'scheduling.k8s.io/v1alpha3',
      spec: { workloadRef: { workloadName: workload?.metadata?.name, templateName: 'etl-pgt-0' }, schedulingPolicy: { basic: {} } },
    });
    expect(pods(v137).map((p) => p.spec?.schedulingGroup?.podGroupName)).toEqual([group?.metadata?.name, group?.metadata?.name]);
    expect(pods(v137)[0]?.metadata?.ownerReferences?.map((r) => `${r.apiVersion} ${r.kind}`)).toEqual([
      'batch/v1 Job',
      'scheduling.k8s.io/v1alpha3 PodGroup',
    ]);
    expect(v137.units[0]).toMatchObject({ podGroup: group?.metadata?.name, notes: [] });

    const v136 = whatIf(BASIC);
    expect(v136.objects.map((o) => o.object.kind)).toEqual(['Job', 'Pod', 'Pod']);
    expect(v136.units[0]?.notes).toEqual([
      'not gang-scheduled: JOB-02: spec.completionMode is not set (it must be "Indexed")',
      'not gang-scheduled: JOB-02: spec.completions is not set (it must equal spec.parallelism)',
    ]);
  });

  it('compiles a gang from spec.scheduling: minCount defaults to parallelism (JOB-06)', () => {
    const gang = whatIf137(BASIC.replace('parallelism: 2', 'parallelism: 2\n  scheduling: {schedulingPolicy: {gang: {}}}'));
    expect(gang.objects.find((o) => o.object.kind === 'PodGroup')?.object).toMatchObject({
      spec: { schedulingPolicy: { gang: { minCount: 2 } } },
    });
  });

  it('leaves a CronJob-owned Job alone and says why (JOB-02 manageNone)', () => {
    const owned = whatIf137(
      BASIC.replace(
        'metadata: {name: etl}',
        'metadata: {name: etl, ownerReferences: [{apiVersion: batch/v1, kind: CronJob, name: nightly, uid: c, controller: true}]}',
      ),
    );
    expect(owned.objects.map((o) => o.object.kind)).toEqual(['Job', 'Pod', 'Pod']);
    expect(owned.units[0]?.notes).toEqual([
      'no PodGroup from the Job controller: JOB-02: the Job is controlled by CronJob "nightly" without the scheduling.k8s.io/group-template-name annotation (its owner decides how it is scheduled)',
    ]);
  });

  it("gives a delegated Job a PodGroup from its owner's Workload in -f (JOB-28)", () => {
    const delegated = whatIf137(`apiVersion: scheduling.k8s.io/v1beta1
kind: Workload
metadata: {name: js}
spec:
  controllerRef: {apiGroup: jobset.x-k8s.io, kind: JobSet, name: js}
  podGroupTemplates: [{name: workers, schedulingPolicy: {gang: {minCount: 2}}}]
---
${BASIC.replace(
  'metadata: {name: etl}',
  'metadata:\n  name: etl\n  annotations: {scheduling.k8s.io/group-template-name: workers}\n  ownerReferences: [{apiVersion: jobset.x-k8s.io/v1alpha2, kind: JobSet, name: js, uid: j, controller: true}]',
)}`);
    const group = delegated.objects.find((o) => o.object.kind === 'PodGroup')?.object;
    expect(group).toMatchObject({
      metadata: { name: 'js-workers-c7b49c5c7', namespace: 'team-a' },
      spec: { workloadRef: { workloadName: 'js', templateName: 'workers' }, schedulingPolicy: { gang: { minCount: 2 } } },
    });
    expect(group?.metadata?.ownerReferences?.map((r) => r.kind)).toEqual(['Job']);
    expect(pods(delegated).map((p) => p.spec?.schedulingGroup?.podGroupName)).toEqual(['js-workers-c7b49c5c7', 'js-workers-c7b49c5c7']);
  });

  it("finds a delegated Job's owner Workload in the cluster when -f does not hold it, -f's copy first (JOB-28)", () => {
    const owned = BASIC.replace(
      'metadata: {name: etl}',
      'metadata:\n  name: etl\n  annotations: {scheduling.k8s.io/group-template-name: workers}\n  ownerReferences: [{apiVersion: jobset.x-k8s.io/v1alpha2, kind: JobSet, name: js, uid: j, controller: true}]',
    );
    const inCluster = (namespace: string, minCount: number): Workload => ({
      apiVersion: 'scheduling.k8s.io/v1beta1',
      kind: 'Workload',
      metadata: { name: 'js', namespace },
      spec: {
        controllerRef: { apiGroup: 'jobset.x-k8s.io', kind: 'JobSet', name: 'js' },
        podGroupTemplates: [{ name: 'workers', schedulingPolicy: { gang: { minCount } } }],
      },
    });
    const policyOf = (whatIf: ReturnType<typeof whatIf137>) =>
      (whatIf.objects.find((o) => o.object.kind === 'PodGroup')?.object as { spec?: { schedulingPolicy?: unknown } } | undefined)?.spec
        ?.schedulingPolicy;

    expect(policyOf(whatIf137(owned))).toBeUndefined();
    expect(policyOf(whatIf137(owned, [inCluster('other', 3)]))).toBeUndefined();
    const fromCluster = whatIf137(owned, [inCluster('team-a', 3)]);
    expect(policyOf(fromCluster)).toEqual({ gang: { minCount: 3 } });
    expect(fromCluster.objects.map((o) => o.object.kind)).toEqual(['Job', 'PodGroup', 'Pod', 'Pod']);
    const manifestWins = whatIf137(
      `apiVersion: scheduling.k8s.io/v1beta1
kind: Workload
metadata: {name: js}
spec:
  controllerRef: {apiGroup: jobset.x-k8s.io, kind: JobSet, name: js}
  podGroupTemplates: [{name: workers, schedulingPolicy: {gang: {minCount: 2}}}]
---
${owned}`,
      [inCluster('team-a', 3)],
    );
    expect(policyOf(manifestWins)).toEqual({ gang: { minCount: 2 } });
  });
});
