// A long-running webhook follows an in-place control-plane upgrade 1.36 -> 1.37, and a rollback (issue 14): with
// --kubeconfig it reads discovery again every --discovery-interval, and when the API server starts
// serving scheduling.k8s.io/v1beta1 instead of v1alpha2 it lists into fresh caches in v1beta1, swaps
// them in once synced, says so in one line, and from then on checks against 1.37 (ADM-10 no longer
// refuses a v1beta1 object) unless --kube-version pins the version. The built bin, the real HTTPS
// test API server, no sleeps: each step waits for the webhook's own log line.

import type { KubeObject } from '@kubectl-workload/api';
import { sampleClusterObjects, TestApiServer, writeKubeconfig } from '@kubectl-workload/test';
import { postReview, startBuiltWebhook } from '../../webhook/src/test-support/built-bin.js';
import type { LogEntry } from '../../webhook/src/test-support/process.js';
import { applyPatch, patchOf, reviewFor } from '../../webhook/src/test-support/reviews.js';

const workload: KubeObject = {
  apiVersion: 'scheduling.k8s.io/v1beta1',
  kind: 'Workload',
  metadata: { name: 'train', namespace: 'ml' },
  spec: { podGroupTemplates: [{ name: 'workers', schedulingPolicy: { gang: { minCount: 8 } } }] },
} as KubeObject;

/** A v1beta1 PodGroup created from the Workload's template, before /mutate fills it. */
const podGroup: KubeObject = {
  apiVersion: 'scheduling.k8s.io/v1beta1',
  kind: 'PodGroup',
  metadata: { name: 'train-workers', namespace: 'ml' },
  spec: { workloadRef: { workloadName: 'train', templateName: 'workers' }, disruptionMode: { single: {} } },
} as KubeObject;

/** The PodGroup as /mutate fills it: valid under 1.37. */
const filled = { ...podGroup, spec: { ...(podGroup as { spec: object }).spec, schedulingPolicy: { gang: { minCount: 8 } } } } as KubeObject;

const adm10Refused =
  'podgroups.scheduling.k8s.io "train-workers" is forbidden: no matches for kind "PodGroup" in version "scheduling.k8s.io/v1beta1": ' +
  'Kubernetes 1.36 does not serve it; use scheduling.k8s.io/v1alpha2 on 1.36, or check against 1.37 (--kube-version 1.37)';

const upgraded =
  'the API server now serves scheduling.k8s.io/v1beta1 (Kubernetes 1.37), was v1alpha2 (Kubernetes 1.36): lookups read v1beta1';

let server: TestApiServer;
let kubeconfig: string;

async function startServer(kubernetesVersion: '1.36' | '1.37'): Promise<void> {
  server = await TestApiServer.start({ objects: sampleClusterObjects(), kubernetesVersion });
  kubeconfig = await writeKubeconfig({ server: server.url, caData: server.caData, token: server.token });
}

beforeEach(() => startServer('1.36'));
afterEach(() => server.close());

const said =
  (prefix: string) =>
  (all: readonly LogEntry[]): LogEntry | undefined =>
    all.find((e) => typeof e.msg === 'string' && e.msg.startsWith(prefix));

/** The upgrade as the webhook sees it: watches end, discovery lists v1beta1, the v1beta1 Workload exists (in one step: no list in between). */
function upgradeWithWorkload(): void {
  server.upgradeTo('1.37');
  server.store.apply(workload);
}

/** A PodGroup /mutate filled from `train`'s template: answered only by caches that hold the v1beta1 Workload. */
async function mutated(port: number): Promise<KubeObject & { spec: Record<string, unknown> }> {
  const reply = await postReview(port, '/mutate', reviewFor(podGroup));
  return applyPatch(podGroup, patchOf(reply)) as KubeObject & { spec: Record<string, unknown> };
}

describe('workload-webhook --kubeconfig across an in-place upgrade 1.36 -> 1.37', () => {
  it('without --kube-version: swaps in v1beta1 caches and checks against 1.37 from then on', async () => {
    const webhook = startBuiltWebhook(['--kubeconfig', kubeconfig, '--discovery-interval', '100ms']);
    try {
      await webhook.waitFor(said('lookup caches synced'));
      const port = await webhook.serving;
      // Before: 1.36 from discovery, so a v1beta1 object is not served (ADM-10).
      const before = (await postReview(port, '/validate', reviewFor(filled))).response;
      expect(before.allowed).toBe(false);
      expect(before.status?.message).toBe(adm10Refused);

      upgradeWithWorkload();
      expect(await webhook.waitFor(said('the API server now serves'))).toMatchObject({
        level: 30,
        schedulingVersion: 'v1beta1',
        kubeVersion: '1.37',
        msg: `${upgraded}, requests are checked against Kubernetes 1.37`,
      });
      expect(webhook.logs.filter((line) => line.includes('the API server now serves'))).toHaveLength(1);

      // The same v1beta1 object is now checked by the 1.37 rules, and lookups read the v1beta1 Workload.
      const after = (await postReview(port, '/validate', reviewFor(filled))).response;
      expect(after).toMatchObject({ allowed: true });
      expect(after.status).toBeUndefined();
      expect((await mutated(port)).spec.schedulingPolicy).toEqual({ gang: { minCount: 8 } });
      const lists = server.requests.filter((r) => r.verb === 'list' && r.path.includes('/workloads')).map((r) => r.path);
      expect(lists).toEqual(['/apis/scheduling.k8s.io/v1alpha2/workloads', '/apis/scheduling.k8s.io/v1beta1/workloads']);
    } finally {
      await webhook.stop();
    }
  });

  it('with --kube-version 1.36: the caches follow to v1beta1, the checks keep 1.36', async () => {
    const webhook = startBuiltWebhook(['--kubeconfig', kubeconfig, '--discovery-interval', '100ms', '--kube-version', '1.36']);
    try {
      await webhook.waitFor(said('lookup caches synced'));
      const port = await webhook.serving;
      upgradeWithWorkload();
      expect(await webhook.waitFor(said('the API server now serves'))).toMatchObject({
        level: 30,
        kubeVersion: '1.36',
        msg: `${upgraded}, requests are checked against Kubernetes 1.36 (--kube-version)`,
      });
      expect((await postReview(port, '/validate', reviewFor(filled))).response.status?.message).toBe(adm10Refused);
      expect((await mutated(port)).spec.schedulingPolicy).toEqual({ gang: { minCount: 8 } });
    } finally {
      await webhook.stop();
    }
  });

  it('keeps --feature-gates across the upgrade, and takes a 1.37-only gate before it', async () => {
    const gates = 'TopologyAwareWorkloadScheduling=false,CompositePodGroup=false';
    const webhook = startBuiltWebhook(['--kubeconfig', kubeconfig, '--discovery-interval', '100ms', '--feature-gates', gates]);
    try {
      await webhook.waitFor(said('lookup caches synced'));
      const port = await webhook.serving;
      upgradeWithWorkload();
      await webhook.waitFor(said('the API server now serves'));
      const template = {
        name: 'workers',
        schedulingPolicy: { gang: { minCount: 8 } },
        schedulingConstraints: { topology: [{ key: 'topology.kubernetes.io/zone' }] },
      };
      const zonal = { ...workload, metadata: { name: 'zonal', namespace: 'ml' }, spec: { podGroupTemplates: [template] } } as KubeObject;
      const reply = (await postReview(port, '/validate', reviewFor(zonal))).response;
      expect(reply.allowed).toBe(true);
      expect(reply.warnings).toEqual([
        'WL-16: spec.podGroupTemplates[0].schedulingConstraints: Forbidden: dropped by the API server: the TopologyAwareWorkloadScheduling feature gate is off',
      ]);
    } finally {
      await webhook.stop();
    }
  });

  it('started on 1.37, refuses a gate 1.37 merged into GenericWorkload, like the components (MIG-05)', async () => {
    await server.close();
    await startServer('1.37');
    const webhook = startBuiltWebhook(['--kubeconfig', kubeconfig, '--feature-gates', 'GangScheduling=true']);
    await expect(webhook.serving).rejects.toThrow(
      'workload-webhook: error: unrecognized feature gate: GangScheduling (Kubernetes 1.37 merged it into GenericWorkload: drop it)',
    );
  });

  it('follows a rollback 1.37 -> 1.36 back to v1alpha2 and the 1.36 checks', async () => {
    await server.close();
    await startServer('1.37');
    const webhook = startBuiltWebhook(['--kubeconfig', kubeconfig, '--discovery-interval', '100ms']);
    try {
      await webhook.waitFor(said('lookup caches synced'));
      const port = await webhook.serving;
      expect((await postReview(port, '/validate', reviewFor(filled))).response.allowed).toBe(true);
      server.upgradeTo('1.36');
      expect(await webhook.waitFor(said('the API server now serves'))).toMatchObject({
        level: 30,
        msg: 'the API server now serves scheduling.k8s.io/v1alpha2 (Kubernetes 1.36), was v1beta1 (Kubernetes 1.37): lookups read v1alpha2, requests are checked against Kubernetes 1.36',
      });
      expect((await postReview(port, '/validate', reviewFor(filled))).response.status?.message).toBe(adm10Refused);
    } finally {
      await webhook.stop();
    }
  });
});
