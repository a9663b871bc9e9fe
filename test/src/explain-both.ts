// explain e2e tests run `kubectl workload explain` twice on the same objects: live against the test
// API server serving them, and offline on a snapshot file of them. Both must print the same.

import { deepStrictEqual } from 'node:assert';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubeObject } from '@kubectl-workload/api';
import { TestApiServer, writeKubeconfig } from './apiserver/index.js';
import { kubectlEnv, run, type RunResult } from './run.js';

export interface LiveAndSnapshot {
  readonly server: TestApiServer;
  /** `kubectl workload explain <args>` live and with --snapshot; throws when the two differ. */
  explain(...args: string[]): Promise<RunResult>;
  close(): Promise<void>;
}

export async function liveAndSnapshot(objects: readonly KubeObject[], name: string): Promise<LiveAndSnapshot> {
  const server = await TestApiServer.start({ objects: [...objects] });
  const home = await mkdtemp(join(tmpdir(), `${name}-`));
  const kubeconfig = await writeKubeconfig({ server: server.url, caData: server.caData, token: server.token, dir: home });
  const snapshotFile = join(home, 'snapshot.json');
  await writeFile(snapshotFile, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }));
  return {
    server,
    async explain(...args) {
      const [live, offline] = await Promise.all([
        run('kubectl', ['workload', 'explain', ...args], kubectlEnv(home, kubeconfig)),
        run('kubectl', ['workload', 'explain', ...args, '--snapshot', snapshotFile], kubectlEnv(home)),
      ]);
      deepStrictEqual(offline, live, 'explain printed differently on the snapshot than live');
      return live;
    },
    close: () => server.close(),
  };
}

/** Object metadata for explain fixtures: namespace `default` unless cluster-scoped, one fixed creation time. */
export function fixtureMeta(name: string, namespaced = true, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name, ...(namespaced ? { namespace: 'default' } : {}), creationTimestamp: '2026-11-23T11:00:00Z', ...extra };
}
