// Issue 18 item 9: kubectl reaches an API server on any port; fetch alone refuses the WHATWG "bad ports".
// Item 10: --request-timeout is the connect timeout too, and 0 means none (not undici's 10 s).

import { once } from 'node:events';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { errors, fetch } from 'undici';
import { writeKubeconfig } from '@kubectl-workload/test';
import { connect } from './client.js';
import { ClusterAccessError, KUBECTL_HINTS, transportError } from './errors.js';
import { resolveConfig } from './kubeconfig.js';
import { startSampleServer, type ServerFixture } from './test-support/server.js';

/** Ports on fetch's bad-port list, tried in turn until one is free on this machine. */
const BAD_PORTS = [6666, 6665, 6667, 6668, 6669, 6679, 6697, 6000, 6566, 10080];

async function startOnBadPort(): Promise<ServerFixture> {
  for (const port of BAD_PORTS) {
    try {
      return await startSampleServer({ namespace: 'team-a', port });
    } catch (err) {
      if ((err as { code?: string }).code !== 'EADDRINUSE') throw err;
    }
  }
  throw new Error(`every port of ${BAD_PORTS.join(', ')} is in use`);
}

describe('an API server on a port fetch calls bad', () => {
  let fixture: ServerFixture;
  beforeAll(async () => {
    fixture = await startOnBadPort();
  });
  afterAll(() => fixture.server.close());

  it('is one fetch itself refuses', async () => {
    await expect(fetch(`${fixture.server.url}/version`)).rejects.toMatchObject({ cause: { message: 'bad port' } });
  });

  it('is reached, with the kubeconfig credentials, as kubectl reaches it', async () => {
    const client = await connect({ kubeconfig: fixture.kubeconfig }, {});
    const groups = await client.list('PodGroup');
    expect(groups.map((g) => g.metadata?.name)).toContain('training-workers');
    expect(fixture.server.requests.map((r) => [r.path, r.user])).toContainEqual([
      '/apis/scheduling.k8s.io/v1alpha2/namespaces/team-a/podgroups',
      'test-user',
    ]);
  });
});

describe('--request-timeout while connecting (issue 18 item 10)', () => {
  /** The connect options of the dispatcher client-node builds for the resolved configuration. */
  async function connectOptions(options: Parameters<typeof resolveConfig>[0]) {
    const { kubeConfig } = await resolveConfig(options, {});
    const cluster = kubeConfig.getCurrentCluster();
    const agentOptions = cluster?.skipTLSVerify ? { rejectUnauthorized: false } : {};
    const dispatcher = kubeConfig.createDispatcherOptions(cluster, agentOptions);
    return { type: dispatcher.type, connect: 'connect' in dispatcher ? dispatcher.connect : undefined, dispatcher };
  }

  it('sets the connect timeout to the flag, 0 included (undici reads 0 as none and a missing one as 10 s)', async () => {
    const tls = { server: 'https://127.0.0.1:6443', insecureSkipTlsVerify: true, token: 't' };
    expect(await connectOptions({ ...tls, requestTimeout: '0' })).toMatchObject({ type: 'agent', connect: { timeout: 0 } });
    expect(await connectOptions({ ...tls, requestTimeout: '30s' })).toMatchObject({ type: 'agent', connect: { timeout: 30_000 } });
    // kubectl's default is 0: no flag at all waits as long as it takes too.
    expect(await connectOptions(tls)).toMatchObject({ connect: { timeout: 0 } });
    // Plain http has no TLS options, for which client-node would otherwise leave undici's defaults.
    expect(await connectOptions({ server: 'http://127.0.0.1:8080', requestTimeout: '0' })).toMatchObject({
      type: 'agent',
      connect: { timeout: 0 },
    });
  });

  it('times out connecting and the TLS handshake through a proxy too', async () => {
    const kubeconfig = await writeKubeconfig({
      server: 'https://10.0.0.1:6443',
      caData: 'a CA the proxy test never uses',
      token: 't',
      proxyUrl: 'http://127.0.0.1:3128',
    });
    const { type, dispatcher } = await connectOptions({ kubeconfig, requestTimeout: '0' });
    expect(type).toBe('proxy');
    expect(dispatcher).toMatchObject({ connect: { timeout: 0 }, requestTls: { timeout: 0 } });
    expect(await connectOptions({ kubeconfig, requestTimeout: '2m' })).toMatchObject({
      dispatcher: { connect: { timeout: 120_000 }, requestTls: { timeout: 120_000 } },
    });
  });

  it('gives up on a server that accepts the connection but never completes TLS, naming the flag', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const { port } = silent.address() as AddressInfo;
    try {
      const server = `https://127.0.0.1:${port}`;
      const client = await connect({ server, insecureSkipTlsVerify: true, token: 't', requestTimeout: '50ms' }, {});
      const accepted = once(silent, 'connection');
      const failed = client.list('Pod').then(
        () => undefined,
        (err: unknown) => err,
      );
      await accepted;
      const err = await failed;
      expect(err).toBeInstanceOf(ClusterAccessError);
      expect((err as Error).message).toMatch(
        new RegExp(`^the API server at ${server} did not (answer|accept the connection) within 0\\.05s \\(--request-timeout\\)$`),
      );
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });

  it("reports undici's connect timeout as the request timeout it came from", () => {
    const fetchFailed = new TypeError('fetch failed', { cause: new errors.ConnectTimeoutError('Connect Timeout Error') });
    const target = { server: 'https://10.0.0.1:6443', verb: 'list', resource: 'pods' } as const;
    expect(transportError(fetchFailed, target, 2500, KUBECTL_HINTS).message).toBe(
      'the API server at https://10.0.0.1:6443 did not accept the connection within 2.5s (--request-timeout)',
    );
    // Without a request timeout, a connect timeout is the network's (the OS, a proxy), not the flag's.
    expect(transportError(fetchFailed, target, 0, KUBECTL_HINTS).message).toMatch(
      /^cannot reach the API server at https:\/\/10\.0\.0\.1:6443: connection timed out;/,
    );
  });
});
