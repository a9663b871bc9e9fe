// Live mode (--kubeconfig): informer caches on the test API server answer the cross-object rules and
// the PodGroup mutation; /readyz waits for the caches; an API server that cannot serve a kind makes
// the rules that need it resolve by --on-lookup-error.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Pod, PodGroup } from '@kubectl-workload/api';
import { sampleClusterObjects, TestApiServer, writeKubeconfig } from '@kubectl-workload/test';
import { liveSource } from '@kubectl-workload/webhook';
import type { AdmissionReview } from '@kubectl-workload/webhook';
import { recordingLogger } from '../../webhook/src/test-support/log-record.js';
import { postReview, refusingServerUrl, startBuiltWebhook } from '../../webhook/src/test-support/built-bin.js';
import type { LogEntry, WebhookProcess } from '../../webhook/src/test-support/process.js';
import { patchOf, reviewFor } from '../../webhook/src/test-support/reviews.js';
import { silentLogger, startTestWebhook } from '../../webhook/src/test-support/start.js';

let apiServer: TestApiServer;
let kubeconfig: string;

beforeAll(async () => {
  apiServer = await TestApiServer.start({ objects: sampleClusterObjects() });
  kubeconfig = await writeKubeconfig({ server: apiServer.url, caData: apiServer.caData, token: apiServer.token });
});
afterAll(() => apiServer.close());
afterEach(() => apiServer.setSchedulingAlphaServed(true));

const podGroupFromTemplate: PodGroup = {
  apiVersion: 'scheduling.k8s.io/v1alpha2',
  kind: 'PodGroup',
  metadata: { name: 'training-workers-2', namespace: 'team-a' },
  spec: { podGroupTemplateRef: { workload: { workloadName: 'training', podGroupTemplateName: 'workers' } } },
};

const orphanPod: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'team-a' },
  spec: { schedulingGroup: { podGroupName: 'nope' }, containers: [{ name: 'c', image: 'i' }] },
};

describe('live lookups through informers', () => {
  it('becomes ready once synced, fills PodGroups from live Workloads and sees live PodGroups', async () => {
    const { logger, record } = recordingLogger();
    const server = await startTestWebhook({ source: await liveSource(kubeconfig, logger) });
    try {
      await record.waitForMessage(/^lookup caches synced$/);
      expect((await server.client.send('GET', '/readyz')).status).toBe(200);
      const mutated = (await server.client.post<AdmissionReview>('/mutate', reviewFor(podGroupFromTemplate))).json;
      expect(patchOf(mutated)).toEqual([{ op: 'add', path: '/spec/schedulingPolicy', value: { gang: { minCount: 4 } } }]);
      const warned = (await server.client.post<AdmissionReview>('/validate', reviewFor(orphanPod))).json.response;
      expect(warned.warnings).toEqual([expect.stringMatching(/^X-15: spec\.schedulingGroup\.podGroupName: Not found: "nope"/)]);
      const inGroup = { ...orphanPod, spec: { ...orphanPod.spec, schedulingGroup: { podGroupName: 'training-workers' } } };
      expect((await server.client.post<AdmissionReview>('/validate', reviewFor(inGroup, { uid: 'ok' }))).json.response).toEqual({
        uid: 'ok',
        allowed: true,
      });
      const metrics = (await server.client.send('GET', '/metrics')).text;
      expect(metrics).toContain('workload_webhook_cache_objects{kind="Pod"} 4');
    } finally {
      await server.stop();
    }
  });

  it('stays unready and resolves unreadable lookups by --on-lookup-error when the API is not served', async () => {
    apiServer.setSchedulingAlphaServed(false);
    const { logger, record } = recordingLogger();
    const allowing = await startTestWebhook({ source: await liveSource(kubeconfig, logger) });
    const denying = await startTestWebhook({ source: await liveSource(kubeconfig, silentLogger), onLookupError: 'deny' });
    try {
      // Every cache but Workload's and PodGroup's lists; those two fail, and say why.
      await record.waitForMessage(/^PodGroup cache sync failed: /);
      expect((await allowing.client.send('GET', '/readyz')).status).toBe(503);
      const allowed = (await allowing.client.post<AdmissionReview>('/validate', reviewFor(orphanPod))).json.response;
      expect(allowed.allowed).toBe(true);
      expect(allowed.warnings).toContainEqual(expect.stringMatching(/^X-15: not checked, lookup failed: PodGroup cache not synced/));
      const denied = (await denying.client.post<AdmissionReview>('/validate', reviewFor(orphanPod))).json.response;
      expect(denied).toMatchObject({ allowed: false, status: { code: 503, reason: 'ServiceUnavailable' } });
      const mutated = (await allowing.client.post<AdmissionReview>('/mutate', reviewFor(podGroupFromTemplate))).json.response;
      expect(mutated.allowed).toBe(true);
      expect(mutated.patch).toBeUndefined();
      expect(mutated.warnings).toEqual([
        expect.stringMatching(/^PodGroup not filled from its template, lookup failed: Workload cache not synced/),
      ]);
    } finally {
      await Promise.all([allowing.stop(), denying.stop()]);
    }
  });
});

describe('the in-cluster kubeconfig shipped in manifests/base', () => {
  it('reads the service account token and CA from files and syncs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'serviceaccount-'));
    writeFileSync(join(dir, 'ca.crt'), apiServer.caData);
    writeFileSync(join(dir, 'token'), apiServer.token);
    const shipped = readFileSync(fileURLToPath(new URL('../../manifests/base/in-cluster-kubeconfig.yaml', import.meta.url)), 'utf8');
    const local = shipped
      .replaceAll('https://kubernetes.default.svc', apiServer.url)
      .replaceAll('/var/run/secrets/kubernetes.io/serviceaccount', dir);
    const file = join(dir, 'kubeconfig');
    writeFileSync(file, local);
    const { logger, record } = recordingLogger();
    const source = await liveSource(file, logger);
    try {
      await record.waitForMessage(/^lookup caches synced$/);
      expect(source.ready()).toBe(true);
      expect(await source.lookup.getWorkload('team-a', 'training')).toBeDefined();
    } finally {
      await source.close();
    }
  });
});

describe('workload-webhook --kubeconfig (the built bin)', () => {
  it('serves /readyz 200 once its informers synced', async () => {
    const webhook = startLiveBin(kubeconfig);
    try {
      const port = await webhook.serving;
      await webhook.waitFor((all) => all.find((e) => e.msg === 'lookup caches synced'));
      expect(await get(port, '/readyz')).toBe(200);
    } finally {
      await webhook.stop();
    }
  });
});

/** The built bin on a kubeconfig. */
function startLiveBin(kubeconfigFile: string): WebhookProcess {
  return startBuiltWebhook(['--kubeconfig', kubeconfigFile]);
}

function get(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) =>
    request({ host: '127.0.0.1', port, path, rejectUnauthorized: false }, (res) => resolve(res.statusCode ?? 0))
      .on('error', reject)
      .end(),
  );
}

describe('workload-webhook --kubeconfig on a cluster it cannot read (#18 item 13)', () => {
  it('logs every failed sync with the reason and the retry, backing off, while /readyz stays 503; warnings name --kubeconfig', async () => {
    const rejected = await writeKubeconfig({ server: apiServer.url, caData: apiServer.caData, token: 'not-the-token' });
    const webhook = startLiveBin(rejected);
    try {
      const port = await webhook.serving;
      const workloadErrors = (all: readonly LogEntry[]) => all.filter((e) => e.level === 50 && e.kind === 'Workload');
      const [firstError, secondError] = await webhook.waitFor((all) => (workloadErrors(all).length >= 2 ? workloadErrors(all) : undefined));
      expect(firstError?.msg).toBe(
        `Workload cache sync failed: the API server at ${apiServer.url} rejected the credentials (401 Unauthorized): the token or client certificate is invalid or expired; check the user in --kubeconfig`,
      );
      expect([firstError?.retryInSeconds, secondError?.retryInSeconds]).toEqual([1, 2]);
      expect(await get(port, '/readyz')).toBe(503);

      // A review that needs a lookup (X-15: the Pod's PodGroup) is allowed with a warning that fits (no "…") and names the webhook's flag.
      const reply = await postReview(port, '/validate', reviewFor(orphanPod));
      const warnings = reply.response.warnings ?? [];
      expect(reply.response.allowed).toBe(true);
      expect(warnings.length).toBeGreaterThan(0);
      for (const warning of warnings) {
        expect(warning).toContain('--kubeconfig');
        expect(warning).not.toMatch(/--token|--server|…$/);
      }
    } finally {
      await webhook.stop();
    }
  }, 60_000); // two rounds of retries (1 s, then 2 s) on a loaded machine

  it('names the unreachable server and the flag to check', async () => {
    const deadServer = await refusingServerUrl();
    const down = await writeKubeconfig({ server: deadServer, caData: apiServer.caData, token: apiServer.token });
    const webhook = startLiveBin(down);
    try {
      const error = await webhook.waitFor((all) => all.find((e) => e.level === 50 && e.kind === 'Pod'));
      expect(error.msg).toBe(
        `Pod cache sync failed: cannot reach the API server at ${deadServer}: connection refused; check the cluster server in --kubeconfig and that the API server is running`,
      );
    } finally {
      await webhook.stop();
    }
  });
});
