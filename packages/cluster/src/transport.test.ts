// Issue 18 item 9: kubectl reaches an API server on any port; fetch alone refuses the WHATWG "bad ports".

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fetch } from 'undici';
import { connect } from './client.js';
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
