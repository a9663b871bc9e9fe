// The `snapshot` command's work, loaded only when the command runs (see ../snapshot.ts for its flags).

import { connect, loadClusterState, stateToList } from '@kubectl-workload/cluster';
import { renderDocument } from '../../output/document.js';
import type { SnapshotArgs } from '../snapshot.js';

export async function runSnapshot(args: SnapshotArgs): Promise<void> {
  const client = await connect(args);
  const progress = process.stderr.isTTY
    ? (kind: string, count: number) => process.stderr.write(`${kind}: ${count}\n`)
    : undefined;
  const state = await loadClusterState({ client, events: true, ...(progress ? { onProgress: progress } : {}) });
  if (state.eventsError !== undefined) process.stderr.write(`warning: events not captured: ${state.eventsError}\n`);
  const list = stateToList(state);
  process.stdout.write(renderDocument(list, args.output));
}
