// The webhook on a Kubernetes 1.37 cluster (issue 14): v1beta1/v1alpha3 Workloads, PodGroups and
// CompositePodGroups on the same endpoints, checked by the 1.37 rules; /mutate fills a PodGroup from
// a template nested under a composite template; --kube-version 1.37 applies 1.37 rules to Pods (POD-10, POD-11).

import { allGatesOnByVersion } from '@kubectl-workload/api';
import type { KubeObject, Pod } from '@kubectl-workload/api';
import type { AdmissionReview } from '@kubectl-workload/webhook';
import { applyPatch, patchOf, reviewFor } from '../../webhook/src/test-support/reviews.js';
import { objectsSource, startTestWebhook } from '../../webhook/src/test-support/start.js';
import type { TestWebhook } from '../../webhook/src/test-support/start.js';

const workload: KubeObject = {
  apiVersion: 'scheduling.k8s.io/v1beta1',
  kind: 'Workload',
  metadata: { name: 'train', namespace: 'ml' },
  spec: {
    compositePodGroupTemplates: [
      {
        name: 'job',
        schedulingPolicy: { gang: { minGroupCount: 2 } },
        podGroupTemplates: [
          { name: 'leader', schedulingPolicy: { basic: {} } },
          {
            name: 'workers',
            schedulingPolicy: { gang: { minCount: 8 } },
            schedulingConstraints: { topology: [{ key: 'topology.kubernetes.io/zone' }] },
          },
        ],
      },
    ],
  },
} as KubeObject;

const podGroup = (spec: Record<string, unknown>, extra: Record<string, unknown> = {}): KubeObject =>
  ({
    apiVersion: 'scheduling.k8s.io/v1beta1',
    kind: 'PodGroup',
    metadata: { name: 'job-workers', namespace: 'ml', ...extra },
    spec: { disruptionMode: { single: {} }, ...spec },
  }) as KubeObject;

let byObject: TestWebhook;
let v137: TestWebhook;

beforeAll(async () => {
  const deleting = podGroup({ schedulingPolicy: { gang: { minCount: 8 } } }, { deletionTimestamp: '2026-12-01T00:00:00Z' });
  byObject = await startTestWebhook({ source: objectsSource([workload]) });
  v137 = await startTestWebhook({ source: objectsSource([workload, deleting]), kubeVersion: '1.37', gates: allGatesOnByVersion() });
});
afterAll(async () => {
  await byObject.stop();
  await v137.stop();
});

async function review(server: TestWebhook, path: '/validate' | '/mutate', body: unknown): Promise<AdmissionReview> {
  const { status, json } = await server.client.post<AdmissionReview>(path, body);
  expect(status).toBe(200);
  return json;
}

describe('the webhook on 1.37 objects', () => {
  it('denies a v1beta1 Workload with both template lists, as the 1.37 API server words it (WL-04)', async () => {
    const both = {
      ...workload,
      spec: { ...(workload as { spec?: object }).spec, podGroupTemplates: [{ name: 'x', schedulingPolicy: { basic: {} } }] },
    } as KubeObject;
    const { response } = await review(byObject, '/validate', reviewFor(both, { uid: 'w' }));
    expect(response.allowed).toBe(false);
    expect(response.status).toMatchObject({
      code: 422,
      reason: 'Invalid',
      message:
        'Workload.scheduling.k8s.io "train" is invalid: spec: Invalid value: "{podGroupTemplates, compositePodGroupTemplates}": must specify exactly one of: `podGroupTemplates`, `compositePodGroupTemplates`',
    });
  });

  it('allows an elastic minCount change on a v1beta1 PodGroup (PG-22) and refuses a basic switch', async () => {
    const before = podGroup({ schedulingPolicy: { gang: { minCount: 8 } } });
    expect(
      (await review(byObject, '/validate', reviewFor(podGroup({ schedulingPolicy: { gang: { minCount: 6 } } }), { oldObject: before })))
        .response.allowed,
    ).toBe(true);
    const { response } = await review(
      byObject,
      '/validate',
      reviewFor(podGroup({ schedulingPolicy: { basic: {} } }), { oldObject: before }),
    );
    expect(response.status?.details?.causes).toEqual([
      { reason: 'FieldValueInvalid', field: 'spec.schedulingPolicy.basic', message: 'Invalid value: null: field is immutable' },
      {
        reason: 'FieldValueInvalid',
        field: 'spec.schedulingPolicy.gang',
        message: 'Invalid value: null: field cannot be cleared once set',
      },
    ]);
  });

  it('checks a v1alpha3 CompositePodGroup (CPG-03)', async () => {
    const cpg = {
      apiVersion: 'scheduling.k8s.io/v1alpha3',
      kind: 'CompositePodGroup',
      metadata: { name: 'job', namespace: 'ml' },
      spec: { schedulingPolicy: { gang: { minGroupCount: 2 } } },
    } as KubeObject;
    const { response } = await review(byObject, '/validate', reviewFor(cpg));
    expect(response.status?.message).toBe('CompositePodGroup.scheduling.k8s.io "job" is invalid: spec.workloadRef: Required value');
  });

  it('fills a v1beta1 PodGroup from a template nested under a composite template (/mutate)', async () => {
    const created = podGroup({ workloadRef: { workloadName: 'train', templateName: 'workers' } });
    const reply = await review(byObject, '/mutate', reviewFor(created));
    const patched = applyPatch(created, patchOf(reply)) as KubeObject & { spec: Record<string, unknown> };
    expect(patched.spec.schedulingPolicy).toEqual({ gang: { minCount: 8 } });
    expect(patched.spec.schedulingConstraints).toEqual({ topology: [{ key: 'topology.kubernetes.io/zone' }] });
    expect((await review(byObject, '/validate', reviewFor(patched))).response.allowed).toBe(true);
  });
});

describe('--kube-version 1.37', () => {
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'w-0', namespace: 'ml' },
    spec: { schedulingGroup: { podGroupName: 'job-workers' }, containers: [{ name: 'c', image: 'x' }] },
  };

  it('runs the 1.37 Pod rules: no Pod into a PodGroup being deleted (POD-10)', async () => {
    const { response } = await review(v137, '/validate', reviewFor(pod));
    expect(response.status).toMatchObject({
      code: 403,
      reason: 'Forbidden',
      message: 'pods "w-0" is forbidden: cannot create Pod referencing PodGroup "job-workers" because it is being deleted',
    });
  });

  it('allows a Pod with eviction responders in a PodGroup, warning with the upstream text (POD-11, alpha in 1.37)', async () => {
    const responding: Pod = {
      ...pod,
      metadata: { name: 'w-1', namespace: 'ml' },
      spec: { ...pod.spec, schedulingGroup: { podGroupName: 'live' }, evictionResponders: [{ name: 'drainer' }] },
    };
    const { response } = await review(v137, '/validate', reviewFor(responding));
    expect(response.allowed).toBe(true);
    expect(response.warnings).toContain('POD-11: spec.schedulingGroup: Forbidden: may not be set when evictionResponders is set');
  });

  it('refuses a v1alpha2 object it would never be sent, naming MIG-01', async () => {
    const old = {
      apiVersion: 'scheduling.k8s.io/v1alpha2',
      kind: 'PodGroup',
      metadata: { name: 'pg', namespace: 'ml' },
      spec: { schedulingPolicy: { basic: {} } },
    } as KubeObject;
    const { response } = await review(v137, '/validate', reviewFor(old));
    expect(response.allowed).toBe(false);
    expect(response.status?.message).toContain('Kubernetes 1.37 does not serve it');
  });
});
