// The webhook over real HTTPS (in-process server on 127.0.0.1:0): endpoints, denial shapes,
// mutation patches applied and re-validated, snapshot lookups, bad input, certificate reload.

import { mkdirSync, mkdtempSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { allGatesOn } from '@kubectl-workload/api';
import type { Job, KubeObject, Pod, PodGroup, Workload } from '@kubectl-workload/api';
import { evaluate, findingField, findingReason, renderFinding, renderFindingBody } from '@kubectl-workload/rules';
import type { Verdict } from '@kubectl-workload/rules';
import { noSource, snapshotSource, selfSignedKeyPair } from '@kubectl-workload/webhook';
import type { AdmissionReview } from '@kubectl-workload/webhook';
import { applyPatch, patchOf, reviewFor } from '../../webhook/src/test-support/reviews.js';
import { recordingLogger } from '../../webhook/src/test-support/log-record.js';
import { startTestWebhook } from '../../webhook/src/test-support/start.js';
import type { TestWebhook } from '../../webhook/src/test-support/start.js';

const fixtures = fileURLToPath(new URL('../fixtures/webhook/', import.meta.url));
const fixture = <T extends KubeObject>(name: string): T => JSON.parse(readFileSync(join(fixtures, name), 'utf8')) as T;

const workloadWithoutTemplates: Workload = {
  apiVersion: 'scheduling.k8s.io/v1alpha2',
  kind: 'Workload',
  metadata: { name: 'empty', namespace: 'ml' },
  spec: {},
};

let server: TestWebhook;

beforeAll(async () => {
  server = await startTestWebhook({ source: await snapshotSource(join(fixtures, 'snapshot.yaml')) });
});
afterAll(() => server.stop());

async function review(path: '/validate' | '/mutate', body: unknown): Promise<AdmissionReview> {
  const { status, json } = await server.client.post<AdmissionReview>(path, body);
  expect(status).toBe(200);
  return json;
}

describe('health and metrics endpoints', () => {
  it('answers /healthz and /readyz with ok', async () => {
    await expect(server.client.send('GET', '/healthz')).resolves.toMatchObject({ status: 200, text: 'ok' });
    await expect(server.client.send('GET', '/readyz')).resolves.toMatchObject({ status: 200, text: 'ok' });
  });

  it('exports latency by kind/operation/verdict, decisions by rule and cache sizes', async () => {
    await review('/validate', reviewFor(workloadWithoutTemplates));
    const { status, text } = await server.client.send('GET', '/metrics');
    expect(status).toBe(200);
    expect(text).toMatch(
      /workload_webhook_request_duration_seconds_count\{endpoint="validate",kind="Workload",operation="CREATE",verdict="denied"\} [1-9]/,
    );
    expect(text).toMatch(/workload_webhook_rule_decisions_total\{rule="WL-04",action="deny"\} [1-9]/);
    expect(text).toContain('workload_webhook_cache_objects{kind="Workload"} 1');
    expect(text).toContain('workload_webhook_cache_objects{kind="PodGroup"} 1');
  });
});

describe('POST /validate', () => {
  it('denies a field error like the API server: 422 Invalid with causes, echoing the uid (WL-04)', async () => {
    const reply = await review('/validate', reviewFor(workloadWithoutTemplates, { uid: 'abc-123' }));
    expect(reply).toEqual({
      apiVersion: 'admission.k8s.io/v1',
      kind: 'AdmissionReview',
      response: {
        uid: 'abc-123',
        allowed: false,
        status: {
          metadata: {},
          status: 'Failure',
          message: 'Workload.scheduling.k8s.io "empty" is invalid: spec.podGroupTemplates: Required value',
          reason: 'Invalid',
          details: {
            name: 'empty',
            group: 'scheduling.k8s.io',
            kind: 'Workload',
            causes: [{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.podGroupTemplates' }],
          },
          code: 422,
        },
      },
    });
  });

  it('joins several field errors as [e1, e2, e3], one cause per error (PG-07, PG-08, PG-13)', async () => {
    const podGroup: PodGroup = {
      apiVersion: 'scheduling.k8s.io/v1alpha2',
      kind: 'PodGroup',
      metadata: { name: 'bad', namespace: 'ml' },
      spec: { schedulingPolicy: { basic: {}, gang: { minCount: 0 } }, priority: 1000000001, disruptionMode: 'Pod' },
    };
    const verdict = await engineVerdict(podGroup);
    // X-06 (PG-52) also rejects the priority the snapshot's classes do not give; field errors outrank it.
    expect(verdict.errors.map((f) => f.rule)).toEqual(['PG-07', 'PG-08', 'PG-13', 'X-06']);
    const errors = verdict.errors.filter((f) => f.style === 'field');
    const { status } = (await review('/validate', reviewFor(podGroup))).response;
    expect(status?.message).toBe(`PodGroup.scheduling.k8s.io "bad" is invalid: [${errors.map(renderFinding).join(', ')}]`);
    expect(status?.message).toContain(
      ', spec.schedulingPolicy.gang.minCount: Required value, spec.priority: Invalid value: 1000000001: must be less than or equal to 1000000000]',
    );
    expect(status?.details?.causes).toEqual(
      errors.map((f) => ({ reason: findingReason(f), message: renderFindingBody(f), field: findingField(f) })),
    );
    expect(status?.details?.causes?.[1]).toEqual({
      reason: 'FieldValueRequired',
      message: 'Required value',
      field: 'spec.schedulingPolicy.gang.minCount',
    });
  });

  it('denies a missing Workload like PodGroupWorkloadExists: 403 Forbidden, looked up in the snapshot (X-01)', async () => {
    const podGroup = fixture<PodGroup>('podgroup-from-template.json');
    podGroup.spec = {
      podGroupTemplateRef: { workload: { workloadName: 'missing', podGroupTemplateName: 'workers' } },
      schedulingPolicy: { basic: {} },
    };
    expect((await review('/validate', reviewFor(podGroup, { uid: 'f' }))).response).toEqual({
      uid: 'f',
      allowed: false,
      status: {
        metadata: {},
        status: 'Failure',
        message: 'podgroups.scheduling.k8s.io "training-workers-2" is forbidden: PodGroup rejected: Workload "missing" not found',
        reason: 'Forbidden',
        details: { name: 'training-workers-2', group: 'scheduling.k8s.io', kind: 'podgroups' },
        code: 403,
      },
    });
  });

  it('denies a parallelism change of a gang Job like JobValidation: 403 on jobs.batch (JOB-14)', async () => {
    const job: Job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'train', namespace: 'ml' },
      spec: {
        parallelism: 4,
        completions: 4,
        completionMode: 'Indexed',
        template: {
          spec: { schedulingGroup: { podGroupName: 'training-workers' }, restartPolicy: 'Never', containers: [{ name: 'c', image: 'i' }] },
        },
      },
    };
    const scaled = { ...job, spec: { ...job.spec, parallelism: 8 } };
    const { response } = await review('/validate', reviewFor(scaled, { uid: 'j', oldObject: job }));
    expect(response).toEqual({
      uid: 'j',
      allowed: false,
      status: {
        metadata: {},
        status: 'Failure',
        message:
          'jobs.batch "train" is forbidden: cannot change parallelism for a Job referencing gang-scheduled PodGroup "training-workers"',
        reason: 'Forbidden',
        details: { name: 'train', group: 'batch', kind: 'jobs' },
        code: 403,
      },
    });
  });

  it('checks the PodGroup status subresource (PG-30) and nothing of the spec there', async () => {
    const podGroup = fixture<PodGroup>('podgroup-from-template.json');
    const condition = {
      type: 'PodGroupScheduled',
      status: 'True',
      reason: 'Scheduled',
      message: '',
      lastTransitionTime: '2026-01-01T00:00:00Z',
    };
    const updated = { ...podGroup, status: { conditions: [condition, { ...condition, status: 'False' }] } };
    const { response } = await review('/validate', reviewFor(updated, { uid: 's', subResource: 'status', oldObject: podGroup }));
    expect(response.status?.code).toBe(422);
    expect(response.status?.details?.causes).toEqual([
      { reason: 'FieldValueDuplicate', field: 'status.conditions[1].type', message: 'Duplicate value: "PodGroupScheduled"' },
    ]);
  });

  it('allows with a warning prefixed by the rule id (X-15), and without one when the PodGroup is in the snapshot', async () => {
    const pod = fixture<Pod>('pod-in-group.json');
    expect((await review('/validate', reviewFor(pod, { uid: 'p1' }))).response).toEqual({ uid: 'p1', allowed: true });
    const orphan = { ...pod, spec: { ...pod.spec, schedulingGroup: { podGroupName: 'nope' } } };
    const { warnings } = await engineVerdict(orphan);
    expect(warnings.map((f) => f.rule)).toEqual(['X-15']);
    expect((await review('/validate', reviewFor(orphan, { uid: 'p2' }))).response).toEqual({
      uid: 'p2',
      allowed: true,
      warnings: [`X-15: ${warnings[0] ? renderFinding(warnings[0]) : ''}`],
    });
    expect(warnings[0] ? renderFinding(warnings[0]) : '').toMatch(/^spec\.schedulingGroup\.podGroupName: Not found: "nope": /);
  });

  it('warns when a Workload still referenced by PodGroups is deleted (X-22, object in oldObject)', async () => {
    const workload = await snapshotWorkload();
    const { warnings } = await engineVerdict(workload, 'DELETE');
    expect(warnings.map((f) => f.rule)).toEqual(['X-22']);
    expect(warnings[0] ? renderFinding(warnings[0]) : '').toContain('PodGroup "training-workers"');
    expect((await review('/validate', reviewFor(workload, { uid: 'd', operation: 'DELETE' }))).response).toEqual({
      uid: 'd',
      allowed: true,
      warnings: [`X-22: ${warnings[0] ? renderFinding(warnings[0]) : ''}`],
    });
  });

  it('allows a valid Workload', async () => {
    const reply = await review('/validate', reviewFor(await snapshotWorkload(), { uid: 'ok' }));
    expect(reply.response).toMatchObject({ uid: 'ok', allowed: true });
    expect(reply.response.status).toBeUndefined();
  });

  it('allows kinds it does not check, and other subresources', async () => {
    const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'ml' } };
    expect((await review('/validate', reviewFor(configMap, { uid: 'cm' }))).response).toEqual({ uid: 'cm', allowed: true });
    expect((await review('/validate', reviewFor(workloadWithoutTemplates, { uid: 's', subResource: 'scale' }))).response).toEqual({
      uid: 's',
      allowed: true,
    });
  });
});

describe('POST /mutate (PodGroup from a Workload template)', () => {
  it('fills every unset spec field from the template; the patched object validates', async () => {
    const podGroup = fixture<PodGroup>('podgroup-from-template.json');
    const reply = await review('/mutate', reviewFor(podGroup, { uid: 'm1' }));
    expect(reply.response).toMatchObject({ uid: 'm1', allowed: true, patchType: 'JSONPatch' });
    const patched = applyPatch(podGroup, patchOf(reply));
    const { name: _name, ...templateFields } = (await snapshotWorkload()).spec?.podGroupTemplates?.[0] ?? {};
    expect(patched.spec).toEqual({ podGroupTemplateRef: podGroup.spec?.podGroupTemplateRef, ...templateFields });
    const validated = await review('/validate', reviewFor(patched));
    expect(validated.response.allowed).toBe(true);
    // Reinvocation (reinvocationPolicy IfNeeded) finds nothing left to fill.
    expect((await review('/mutate', reviewFor(patched, { uid: 'm2' }))).response).toEqual({ uid: 'm2', allowed: true });
  });

  it('never overwrites what the user set; validation then reports the mismatch (X-10)', async () => {
    const podGroup = fixture<PodGroup>('podgroup-from-template.json');
    podGroup.spec = { ...podGroup.spec, schedulingPolicy: { gang: { minCount: 2 } }, priority: 1000 };
    const ops = patchOf(await review('/mutate', reviewFor(podGroup)));
    expect(ops.map((op) => op.path).sort()).toEqual(['/spec/disruptionMode', '/spec/priorityClassName', '/spec/schedulingConstraints']);
    const patched = applyPatch(podGroup, ops);
    const { errors } = await engineVerdict(patched);
    expect(errors.map((f) => [f.rule, findingField(f)])).toEqual([['X-10', 'spec.schedulingPolicy']]);
    const { status } = (await review('/validate', reviewFor(patched))).response;
    expect(status).toMatchObject({
      code: 422,
      reason: 'Invalid',
      message: `PodGroup.scheduling.k8s.io "training-workers-2" is invalid: ${errors[0] ? renderFinding(errors[0]) : ''}`,
    });
    expect(status?.details?.causes).toEqual([
      { reason: 'FieldValueInvalid', field: 'spec.schedulingPolicy', message: errors[0] ? renderFindingBody(errors[0]) : '' },
    ]);
  });

  it('sends no patch when the Workload or template is missing, or for other kinds and operations', async () => {
    const podGroup = fixture<PodGroup>('podgroup-from-template.json');
    const missing = { ...podGroup, spec: { podGroupTemplateRef: { workload: { workloadName: 'nope', podGroupTemplateName: 'workers' } } } };
    expect((await review('/mutate', reviewFor(missing, { uid: 'x' }))).response).toEqual({ uid: 'x', allowed: true });
    const noTemplate = {
      ...podGroup,
      spec: { podGroupTemplateRef: { workload: { workloadName: 'training', podGroupTemplateName: 'nope' } } },
    };
    expect((await review('/mutate', reviewFor(noTemplate, { uid: 'y' }))).response).toEqual({ uid: 'y', allowed: true });
    expect((await review('/mutate', reviewFor(podGroup, { uid: 'z', oldObject: podGroup }))).response).toEqual({ uid: 'z', allowed: true });
  });
});

describe('bad input gets a 4xx Status, never a 5xx', () => {
  it.each([
    ['wrong content type', 'text/plain', '{}', 415, /expected Content-Type application\/json, got "text\/plain"/],
    ['malformed JSON', 'application/json', '{"apiVersion": ', 400, /request body is not valid JSON/],
    [
      'a v1beta1 review',
      'application/json',
      '{"apiVersion":"admission.k8s.io/v1beta1","kind":"AdmissionReview","request":{"uid":"u"}}',
      400,
      /expected apiVersion admission\.k8s\.io\/v1/,
    ],
    [
      'a missing uid',
      'application/json',
      '{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"operation":"CREATE"}}',
      400,
      /request\.uid: expected a non-empty string/,
    ],
    ['JSON null', 'application/json', 'null', 400, /expected an AdmissionReview object, got null/],
  ])('%s', async (_name, contentType, body, status, message) => {
    const reply = await server.client.send('POST', '/validate', body, contentType);
    expect(reply.status).toBe(status);
    const json = JSON.parse(reply.text) as { kind: string; code: number; message: string };
    expect(json).toMatchObject({ kind: 'Status', code: status });
    expect(json.message).toMatch(message);
  });

  it('answers 413 for a body over 3 MiB', async () => {
    const big = JSON.stringify({ ...reviewFor(workloadWithoutTemplates), padding: 'x'.repeat(3 * 1024 * 1024) });
    const reply = await server.client.send('POST', '/validate', big);
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.text)).toMatchObject({ reason: 'RequestEntityTooLarge', code: 413 });
  });

  it('answers 404 for other routes', async () => {
    expect((await server.client.send('GET', '/validate')).status).toBe(404);
  });
});

/** What the rules engine itself says about an object over the same snapshot (the webhook must only reshape it). */
async function engineVerdict(object: KubeObject, operation: 'CREATE' | 'DELETE' = 'CREATE'): Promise<Verdict> {
  const { lookup } = await snapshotSource(join(fixtures, 'snapshot.yaml'));
  return evaluate({ operation, object, gates: allGatesOn() }, lookup);
}

async function snapshotWorkload(): Promise<Workload> {
  const { lookup } = await snapshotSource(join(fixtures, 'snapshot.yaml'));
  const workload = await lookup.getWorkload('ml', 'training');
  if (!workload) throw new Error('fixture snapshot lost its Workload');
  return workload;
}

describe('certificate reload', () => {
  function servedCertificate(port: number): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
        const der = socket.getPeerCertificate().raw;
        socket.end();
        resolve(der.toString('base64'));
      });
      socket.on('error', reject);
    });
  }
  const derOf = (pem: string): string => pem.replace(/-----[^-]+-----|\s/g, '');

  it('follows a Secret volume rotation (the ..data symlink swapped to a new directory)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'webhook-secret-'));
    const [first, second] = await Promise.all([selfSignedKeyPair(), selfSignedKeyPair()]);
    const writeVersion = (name: string, pair: { cert: string; key: string }): void => {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'tls.crt'), pair.cert);
      writeFileSync(join(dir, name, 'tls.key'), pair.key);
    };
    writeVersion('v1', first);
    symlinkSync('v1', join(dir, '..data'));
    symlinkSync('..data/tls.crt', join(dir, 'tls.crt'));
    symlinkSync('..data/tls.key', join(dir, 'tls.key'));
    const { logger, record } = recordingLogger();
    const rotating = await startTestWebhook({
      tls: { certFile: join(dir, 'tls.crt'), keyFile: join(dir, 'tls.key') },
      certPollMs: 50,
      logger,
    });
    try {
      expect(await servedCertificate(rotating.webhook.port)).toBe(derOf(first.cert));
      writeVersion('v2', second);
      symlinkSync('v2', join(dir, '..data_tmp'));
      renameSync(join(dir, '..data_tmp'), join(dir, '..data'));
      // Only a matching key and certificate are installed (a half-written pair is logged as not reloaded).
      await record.waitForMessage(/^serving certificate reloaded$/);
      expect(await servedCertificate(rotating.webhook.port)).toBe(derOf(second.cert));
    } finally {
      await rotating.stop();
    }
  });

  it('serves a rewritten certificate on the next handshake without a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'webhook-tls-'));
    const [first, second] = await Promise.all([selfSignedKeyPair(), selfSignedKeyPair()]);
    const tls = { certFile: join(dir, 'tls.crt'), keyFile: join(dir, 'tls.key') };
    writeFileSync(tls.certFile, first.cert);
    writeFileSync(tls.keyFile, first.key);
    const { logger, record } = recordingLogger();
    const rotating = await startTestWebhook({ tls, certPollMs: 50, logger });
    try {
      expect(await servedCertificate(rotating.webhook.port)).toBe(derOf(first.cert));
      writeFileSync(tls.keyFile, second.key);
      writeFileSync(tls.certFile, second.cert);
      // Only a matching key and certificate are installed (a half-written pair is logged as not reloaded).
      await record.waitForMessage(/^serving certificate reloaded$/);
      expect(await servedCertificate(rotating.webhook.port)).toBe(derOf(second.cert));
    } finally {
      await rotating.stop();
    }
  });
});

describe('--config overrides and lookup failures', () => {
  it('turns a warning into a denial (deny) and a denial off (off)', async () => {
    const strict = await startTestWebhook({
      source: await snapshotSource(join(fixtures, 'snapshot.yaml')),
      overrides: { 'X-15': 'error', 'X-01': 'off' },
    });
    try {
      const pod = fixture<Pod>('pod-in-group.json');
      const orphan = { ...pod, spec: { ...pod.spec, schedulingGroup: { podGroupName: 'nope' } } };
      const denied = (await strict.client.post<AdmissionReview>('/validate', reviewFor(orphan))).json.response;
      expect(denied.status).toMatchObject({
        code: 422,
        details: { causes: [{ reason: 'FieldValueNotFound', field: 'spec.schedulingGroup.podGroupName' }] },
      });
      const podGroup = fixture<PodGroup>('podgroup-from-template.json');
      podGroup.spec = {
        podGroupTemplateRef: { workload: { workloadName: 'missing', podGroupTemplateName: 'workers' } },
        schedulingPolicy: { basic: {} },
      };
      expect((await strict.client.post<AdmissionReview>('/validate', reviewFor(podGroup, { uid: 'off' }))).json.response).toEqual({
        uid: 'off',
        allowed: true,
      });
    } finally {
      await strict.stop();
    }
  });

  it('with no lookup source, allows and names the rule that could not run; --on-lookup-error=deny denies', async () => {
    const pod = fixture<Pod>('pod-in-group.json');
    const allowing = await startTestWebhook({ source: noSource() });
    const denying = await startTestWebhook({ source: noSource(), onLookupError: 'deny' });
    try {
      const allowed = (await allowing.client.post<AdmissionReview>('/validate', reviewFor(pod))).json.response;
      expect(allowed.allowed).toBe(true);
      expect(allowed.warnings).toContain(
        'X-15: not checked, lookup failed: no --snapshot or --kubeconfig given, other objects cannot be read',
      );
      const denied = (await denying.client.post<AdmissionReview>('/validate', reviewFor(pod))).json.response;
      expect(denied).toMatchObject({ allowed: false, status: { code: 503, reason: 'ServiceUnavailable' } });
      expect(denied.status?.message).toMatch(
        /^pods "worker-0" could not be checked \(--on-lookup-error=deny\): .*X-15: no --snapshot or --kubeconfig given/,
      );
    } finally {
      await Promise.all([allowing.stop(), denying.stop()]);
    }
  });
});
