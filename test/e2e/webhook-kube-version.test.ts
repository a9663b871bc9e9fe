// Without --kube-version the webhook checks against the Kubernetes version its source says (issue 14
// §1): live (--kubeconfig) the API server's discovery (served scheduling.k8s.io versions, else
// /version), a snapshot the API version its objects were read in, and it says so in its log. When
// nothing says, a live webhook warns and each object's apiVersion decides (MIG-01, ADM-10).

import { fileURLToPath } from 'node:url';
import type { KubeObject } from '@kubectl-workload/api';
import { sampleClusterObjects, TestApiServer, writeKubeconfig } from '@kubectl-workload/test';
import { liveSource, snapshotSource } from '@kubectl-workload/webhook';
import type { LookupSource } from '@kubectl-workload/webhook';
import { postReview, refusingServerUrl, startBuiltWebhook } from '../../webhook/src/test-support/built-bin.js';
import { reviewFor } from '../../webhook/src/test-support/reviews.js';
import { silentLogger } from '../../webhook/src/test-support/start.js';

const snapshot137 = fileURLToPath(new URL('../fixtures/cluster-1-37/composite.yaml', import.meta.url));
const snapshot136 = fileURLToPath(new URL('../fixtures/webhook/snapshot.yaml', import.meta.url));

const servers: TestApiServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

async function kubeconfigFor(kubernetesVersion: '1.36' | '1.37', serveSchedulingAlpha = true): Promise<string> {
  const server = await TestApiServer.start({ objects: sampleClusterObjects(), kubernetesVersion, serveSchedulingAlpha });
  servers.push(server);
  return writeKubeconfig({ server: server.url, caData: server.caData, token: server.token });
}

/** A kubeconfig whose server refuses connections: nothing can be discovered. */
async function unreachableKubeconfig(): Promise<string> {
  return writeKubeconfig({ server: await refusingServerUrl(), caData: 'unused', token: 't' });
}

async function kubeVersionOf(source: Promise<LookupSource>): Promise<LookupSource['kubeVersion']> {
  const opened = await source;
  try {
    return opened.kubeVersion;
  } finally {
    await opened.close();
  }
}

describe('the Kubernetes version a lookup source says', () => {
  it.each([
    ['1.36', true, '1.36'],
    ['1.37', true, '1.37'],
    // No workload-scheduling API served: the minor of /version says it.
    ['1.36', false, '1.36'],
    ['1.37', false, '1.37'],
  ] as const)('a %s API server (scheduling API served: %s) says %s', async (version, served, expected) => {
    expect(await kubeVersionOf(liveSource(await kubeconfigFor(version, served), silentLogger))).toEqual({
      version: expected,
      from: "the API server's discovery",
    });
  });

  it('an API server that cannot be reached says none', async () => {
    expect(await kubeVersionOf(liveSource(await unreachableKubeconfig(), silentLogger))).toBeUndefined();
  });

  it.each([
    [snapshot137, '1.37'],
    [snapshot136, '1.36'],
  ])('the snapshot %s says %s by its objects', async (file, version) => {
    expect(await kubeVersionOf(snapshotSource(file))).toEqual({ version, from: "the snapshot's objects" });
  });
});

const v1alpha2Group: KubeObject = {
  apiVersion: 'scheduling.k8s.io/v1alpha2',
  kind: 'PodGroup',
  metadata: { name: 'old', namespace: 'team-a' },
  spec: { schedulingPolicy: { gang: { minCount: 2 } } },
} as KubeObject;

const v1alpha2Refused =
  'podgroups.scheduling.k8s.io "old" is forbidden: no matches for kind "PodGroup" in version "scheduling.k8s.io/v1alpha2": ' +
  'Kubernetes 1.37 does not serve it; convert it with `kubectl workload convert` (docs/upgrade-1.37.md)';

describe('workload-webhook without --kube-version (the built bin)', () => {
  it.each([
    ['--kubeconfig on a 1.37 API server', async () => ['--kubeconfig', await kubeconfigFor('1.37')], "the API server's discovery"],
    ['--snapshot of a 1.37 cluster', () => Promise.resolve(['--snapshot', snapshot137]), "the snapshot's objects"],
  ])('%s: checks against 1.37, says so, and refuses a v1alpha2 object (MIG-01)', async (_, args, from) => {
    const webhook = startBuiltWebhook(await args());
    try {
      const said = await webhook.waitFor((all) => all.find((e) => e.kubeVersion !== undefined));
      expect(said).toMatchObject({
        level: 30,
        kubeVersion: '1.37',
        msg: `no --kube-version given: checking against Kubernetes 1.37, from ${from}`,
      });
      const { response } = await postReview(await webhook.serving, '/validate', reviewFor(v1alpha2Group));
      expect(response.allowed).toBe(false);
      expect(response.status?.message).toBe(v1alpha2Refused);
    } finally {
      await webhook.stop();
    }
  });

  it('warns and lets each object decide when the API server cannot be reached', async () => {
    const webhook = startBuiltWebhook(['--kubeconfig', await unreachableKubeconfig()]);
    try {
      const warning = await webhook.waitFor((all) => all.find((e) => String(e.msg).startsWith('no --kube-version given')));
      expect(warning).toMatchObject({
        level: 40,
        msg: "no --kube-version given and the API server's version could not be discovered: each object's apiVersion decides (v1alpha2 1.36, v1beta1/v1alpha3 1.37)",
      });
      // The v1alpha2 object is checked by the 1.36 rules: MIG-01 does not refuse it.
      const { response } = await postReview(await webhook.serving, '/validate', reviewFor(v1alpha2Group));
      expect(response.allowed).toBe(true);
      expect(JSON.stringify(response)).not.toContain('MIG-01');
    } finally {
      await webhook.stop();
    }
  });

  it('--kube-version wins over discovery and says nothing about it', async () => {
    const webhook = startBuiltWebhook(['--kubeconfig', await kubeconfigFor('1.37'), '--kube-version', '1.36']);
    try {
      const port = await webhook.serving;
      const { response } = await postReview(port, '/validate', reviewFor(v1alpha2Group));
      expect(response.allowed).toBe(true);
      expect(webhook.logs.join('\n')).not.toContain('no --kube-version given');
    } finally {
      await webhook.stop();
    }
  });
});
