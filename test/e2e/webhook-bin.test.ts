// The built workload-webhook bin as a process: flag errors, and SIGTERM draining an in-flight review.
// Needs `npm run build` (make test builds first).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { request } from 'node:https';
import { connect } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Workload } from '@kubectl-workload/api';
import type { AdmissionReview } from '@kubectl-workload/webhook';
import { startWebhookProcess } from '../../webhook/src/test-support/process.js';
import type { WebhookProcess } from '../../webhook/src/test-support/process.js';
import { reviewFor } from '../../webhook/src/test-support/reviews.js';

const bin = fileURLToPath(new URL('../../node_modules/.bin/workload-webhook', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/webhook/', import.meta.url));

function runFailing(args: string[]): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [bin, '--port', '0', '--bind-address', '127.0.0.1', ...args], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  return { status: result.status, stderr: result.stderr };
}

describe('workload-webhook flags', () => {
  const dir = mkdtempSync(join(tmpdir(), 'webhook-flags-'));

  it.each([
    [['--feature-gates', 'Nope=true'], 'workload-webhook: error: unrecognized feature gate: Nope\n'],
    [
      ['--feature-gates', 'GenericWorkload=false'],
      'workload-webhook: error: feature gate GangScheduling requires GenericWorkload to be enabled\n',
    ],
    [['--tls-cert-file', 'tls.crt'], 'workload-webhook: error: --tls-cert-file and --tls-private-key-file go together\n'],
    [
      ['--snapshot', '/nonexistent/objects.yaml'],
      'workload-webhook: error: cannot read snapshot "/nonexistent/objects.yaml" (--snapshot): no such file\n',
    ],
    [
      ['--snapshot', '/'],
      'workload-webhook: error: cannot read snapshot "/" (--snapshot): is a directory; give a file (a List, multi-document YAML or JSON)\n',
    ],
    // #18 item 12: no EADDRNOTAVAIL stack trace, no "--port NaN".
    [
      ['--bind-address', '10.9.9.9'],
      'workload-webhook: error: --bind-address 10.9.9.9: no network interface of this host has that address\n',
    ],
    [['--bind-address', 'localhost:8443'], 'workload-webhook: error: --bind-address localhost:8443: not an IP address\n'],
    [['--port', 'abc'], 'workload-webhook: error: --port abc: not a port number (0-65535)\n'],
    [['--port', '65536'], 'workload-webhook: error: --port 65536: not a port number (0-65535)\n'],
    [
      ['--discovery-interval', '60'],
      'workload-webhook: error: --discovery-interval 60: not a duration (e.g. 30s, 1m, 1m30s; 0 turns it off)\n',
    ],
    [['--discovery-interval=-1m'], 'workload-webhook: error: --discovery-interval -1m: must not be negative (0 turns it off)\n'],
    [['--on-lookup-error', 'maybe'], /Invalid values:\s+Argument: on-lookup-error, Given: "maybe", Choices: "allow", "deny"/],
  ])('%j fails with exit code 2 and a clear message', (args, message) => {
    const { status, stderr } = runFailing(args);
    expect(status).toBe(2);
    if (typeof message === 'string') expect(stderr).toBe(message);
    else expect(stderr).toMatch(message);
  });

  it('names the port another process holds', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as AddressInfo;
    try {
      expect(runFailing(['--port', String(port)])).toEqual({
        status: 2,
        stderr: `workload-webhook: error: --port ${port}: address already in use on 127.0.0.1\n`,
      });
    } finally {
      holder.close();
    }
  });

  it('prints its version with --version', () => {
    const result = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    const { version } = JSON.parse(readFileSync(new URL('../../webhook/package.json', import.meta.url), 'utf8')) as { version: string };
    expect({ status: result.status, stdout: result.stdout }).toEqual({ status: 0, stdout: `${version}\n` });
  });

  it('started by Node < 24 says which Node it needs in one line, exit 2', () => {
    // The machine's own Node when it is older (CI's is 20), else Node 24 reporting an older version.
    const found = spawnSync('sh', ['-c', 'command -v node'], {
      encoding: 'utf8',
      env: {
        PATH: (process.env.PATH ?? '')
          .split(':')
          .filter((dir) => !dir.includes('node_modules'))
          .join(':'),
      },
    }).stdout.trim();
    const foundMajor = found
      ? Number(spawnSync(found, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).stdout.trim())
      : NaN;
    const [node, preload] =
      foundMajor < 24
        ? [found, []]
        : [
            process.execPath,
            [
              '--import',
              'data:text/javascript,Object.defineProperty(process.versions,"node",{value:"20.0.0"});Object.defineProperty(process,"version",{value:"v20.0.0"})',
            ],
          ];
    const result = spawnSync(node, [...preload, bin, '--port', '0'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^workload-webhook: error: Node\.js 24 or newer is required, this is v\d+\.\d+\.\d+ \(.+\)\n$/);
  });

  it('names the bad rule ids of a --config file', () => {
    const config = join(dir, 'webhook.yaml');
    writeFileSync(config, 'rules:\n  WL-04: warn\n  X-99: off\n');
    expect(runFailing(['--config', config])).toEqual({
      status: 2,
      stderr: `workload-webhook: error: ${config}: rules: unknown rule id(s) X-99\n`,
    });
  });
});

async function startBin(args: string[]): Promise<WebhookProcess & { port: number }> {
  const started = startWebhookProcess(process.execPath, [bin, '--port', '0', '--bind-address', '127.0.0.1', ...args]);
  return { ...started, port: await started.serving };
}

/**
 * Connects to /healthz until a connection is refused (at most 200 tries): a connection that reached
 * the listener just before it closed is still served or reset. The last outcome: an error code, or 'accepted'.
 */
async function untilRefused(port: number): Promise<string> {
  let outcome = 'not tried';
  for (let attempt = 0; attempt < 200 && outcome !== 'ECONNREFUSED'; attempt++) {
    outcome = await connectHealthz(port).then(
      () => 'accepted',
      (err: unknown) => (err as NodeJS.ErrnoException).code ?? 'error',
    );
  }
  return outcome;
}

function connectHealthz(port: number): Promise<unknown> {
  return new Promise((resolve, reject) =>
    request({ host: '127.0.0.1', port, path: '/healthz', rejectUnauthorized: false }, resolve).on('error', reject).end(),
  );
}

describe('SIGTERM', () => {
  it('refuses new connections, finishes the in-flight review and exits 0', async () => {
    const webhook = await startBin(['--snapshot', join(fixtures, 'snapshot.yaml')]);
    const { child, port, logs } = webhook;
    // 'close', not 'exit': the last log lines are read only once stdout has ended.
    const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
    const workload: Workload = {
      apiVersion: 'scheduling.k8s.io/v1alpha2',
      kind: 'Workload',
      metadata: { name: 'w', namespace: 'ml' },
      spec: {},
    };
    const body = Buffer.from(JSON.stringify(reviewFor(workload, { uid: 'in-flight' })));
    let refused: Promise<string> = Promise.resolve('not tried');
    const reply = new Promise<{ status: number; review: AdmissionReview }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/validate',
          method: 'POST',
          rejectUnauthorized: false,
          // The server answers "100 Continue" once it has parsed the headers: from then on the review
          // is in flight (not an idle connection the drain may close), which is when SIGTERM is sent.
          headers: { 'content-type': 'application/json', 'content-length': body.length, expect: '100-continue' },
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString('utf8')));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, review: JSON.parse(text) as AdmissionReview }));
        },
      );
      req.on('error', reject);
      req.once('continue', () => {
        req.write(body.subarray(0, body.length / 2));
        child.kill('SIGTERM');
        // "shutting down" is logged just before the listener closes: connect until refused. Only
        // then does the review finish, so the refusal happened while it was in flight.
        void webhook
          .waitFor((entries) => entries.find((e) => e.msg === 'shutting down'))
          .then(async () => {
            refused = untilRefused(port);
            await refused;
            req.end(body.subarray(body.length / 2));
          }, reject);
      });
    });
    const { status, review } = await reply;
    expect(status).toBe(200);
    expect(review.response).toMatchObject({ uid: 'in-flight', allowed: false, status: { code: 422 } });
    // Drained, not cut off at the grace period (that would have reset the connection above).
    expect(await exited).toBe(0);
    // While it drained, a new connection was refused.
    expect(await refused).toBe('ECONNREFUSED');
    // #18 item 14: "stopped" is the last word, after "shutting down".
    const messages = logs.map((l) => (JSON.parse(l) as { msg?: string }).msg);
    expect(messages.filter((m) => m === 'shutting down' || m === 'workload-webhook stopped')).toEqual([
      'shutting down',
      'workload-webhook stopped',
    ]);
    expect(messages.at(-1)).toBe('workload-webhook stopped');
    // One JSON line per denial, naming the request and the rules that denied it.
    const denials = logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((entry) => entry.msg === 'denied');
    expect(denials).toEqual([
      expect.objectContaining({ uid: 'in-flight', kind: 'Workload', namespace: 'ml', name: 'w', rules: ['WL-04'] }),
    ]);
  });

  it('exits at once on a second signal while draining', async () => {
    const webhook = await startBin(['--snapshot', join(fixtures, 'snapshot.yaml')]);
    // A review in flight (headers sent, body not) keeps the drain going.
    const socket = connect({ host: '127.0.0.1', port: webhook.port, rejectUnauthorized: false });
    await new Promise((resolve) => socket.once('secureConnect', resolve));
    socket.write('POST /validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{');
    socket.on('error', () => undefined);
    webhook.child.kill('SIGTERM');
    await webhook.waitFor((all) => all.find((e) => e.msg === 'shutting down'));
    webhook.child.kill('SIGINT');
    expect(await webhook.stop()).toBe(1);
    const messages = webhook.logs.map((l) => (JSON.parse(l) as { msg?: string }).msg);
    expect(messages.slice(-2)).toEqual(['shutting down', 'second signal: exiting without waiting for in-flight reviews']);
    socket.destroy();
  });
});
