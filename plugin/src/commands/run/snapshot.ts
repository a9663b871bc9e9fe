// The `snapshot` command's work, loaded only when the command runs (see ../snapshot.ts for its flags).

import { stringify } from 'yaml';
import { connect, loadClusterState, stateToList } from '@kubectl-workload/cluster';
import type { SnapshotArgs } from '../snapshot.js';

export async function runSnapshot(args: SnapshotArgs): Promise<void> {
  const client = await connect(args);
  const progress = process.stderr.isTTY
    ? (kind: string, count: number) => process.stderr.write(`${kind}: ${count}\n`)
    : undefined;
  const state = await loadClusterState({ client, events: true, ...(progress ? { onProgress: progress } : {}) });
  if (state.eventsError !== undefined) process.stderr.write(`warning: events not captured: ${state.eventsError}\n`);
  const list = stateToList(state);
  process.stdout.write(args.output === 'json' ? `${JSON.stringify(list, null, 2)}\n` : stringify(list));
}
