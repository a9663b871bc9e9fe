// The follower's decisions, with discovery and the caches under the test's control (the e2e test
// test/e2e/webhook-follow-upgrade.test.ts runs the real thing): a failed discovery changes nothing,
// an upgrade rolled back before the new caches synced abandons them, and close() stops every cache.

import { afterEach, describe, expect, it } from '@jest/globals';
import type { ClusterClient, InformerLookup } from '@kubectl-workload/cluster';
import type { Discovered } from './following-lookup.js';
import { FollowingLookup } from './following-lookup.js';
import { recordingLogger } from './test-support/log-record.js';

/** Caches whose sync the test decides; stop() ends a pending wait, as InformerLookup's does. */
class Caches {
  stopped = false;
  private finishSync: ((synced: boolean) => void) | undefined;
  constructor(readonly name: string) {}
  waitForSync(): Promise<boolean> {
    return new Promise((resolve) => (this.finishSync = resolve));
  }
  sync(): void {
    this.finishSync?.(true);
  }
  stop(): Promise<void> {
    this.stopped = true;
    this.finishSync?.(false);
    return Promise.resolve();
  }
  cacheSizes(): Record<string, number> {
    return {};
  }
  notReady(): Record<string, string> {
    return {};
  }
}

const v136: Discovered = { schedulingVersion: 'v1alpha2', kubeVersion: '1.36' };
const v137: Discovered = { schedulingVersion: 'v1beta1', kubeVersion: '1.37' };
const failed: Discovered = { schedulingVersion: undefined, kubeVersion: undefined };

/** Closed after each test, passed or not: a follower left running re-reads discovery every millisecond. */
const running: FollowingLookup[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((lookup) => lookup.close()));
});

/** A follower over scripted discoveries; `asked(n)` resolves once discovery was read n times. */
async function follower(script: Discovered[]) {
  const client = { withFreshDiscovery: () => client } as unknown as ClusterClient;
  const built: Caches[] = [];
  const waits: Array<{ n: number; resolve: () => void }> = [];
  let reads = 0;
  const { logger, record } = recordingLogger();
  const lookup = await FollowingLookup.start({
    client,
    discover: () => {
      const answer = script[Math.min(reads, script.length - 1)] as Discovered;
      reads++;
      for (const wait of waits.filter((w) => w.n <= reads)) wait.resolve();
      return Promise.resolve(answer);
    },
    informers: () => {
      const caches = new Caches(`caches-${built.length}`);
      built.push(caches);
      return caches as unknown as InformerLookup;
    },
    intervalMs: 1,
    logger,
  });
  running.push(lookup);
  const asked = (n: number): Promise<void> => new Promise((resolve) => (reads >= n ? resolve() : waits.push({ n, resolve })));
  return { lookup, built, asked, record };
}

describe('FollowingLookup', () => {
  it('keeps its caches while discovery fails or says the same', async () => {
    const { lookup, built, asked, record } = await follower([v136, failed, v136, failed]);
    await asked(6);
    expect(built.map((c) => c.name)).toEqual(['caches-0']);
    expect(lookup.kubeVersion).toBe('1.36');
    await lookup.close();
    expect(built[0]?.stopped).toBe(true);
    expect(record.entries.filter((e) => e.level === 30)).toEqual([]);
  });

  it('abandons caches for an upgrade rolled back before they synced', async () => {
    const { lookup, built, asked, record } = await follower([v136, v137, v137, v136]);
    await asked(5);
    expect(built.map((c) => [c.name, c.stopped])).toEqual([
      ['caches-0', false],
      ['caches-1', true],
    ]);
    expect(lookup.caches).toBe(built[0]);
    expect(lookup.kubeVersion).toBe('1.36');
    expect(record.entries.filter((e) => e.level === 30)).toEqual([]);
  });

  it('swaps once the new caches synced, then stops the old ones; close() stops the rest', async () => {
    const { lookup, built, asked, record } = await follower([v136, v137]);
    await asked(3);
    expect(lookup.caches).toBe(built[0]);
    built[1]?.sync();
    const line = await record.waitForMessage(/^the API server now serves/);
    expect(line).toMatchObject({ schedulingVersion: 'v1beta1', kubeVersion: '1.37' });
    expect(lookup.caches).toBe(built[1]);
    expect(lookup.kubeVersion).toBe('1.37');
    expect(built[0]?.stopped).toBe(true);
    await lookup.close();
    expect(built.map((c) => c.stopped)).toEqual([true, true]);
  });
});
