// The `snapshot` command's work, loaded only when the command runs (see ../snapshot.ts for its flags).

import { connect, loadClusterState, stateToList } from '@kubectl-workload/cluster';
import { renderDocument } from '../../output/document.js';
import { gatesSpec, resolveGates, runKubeVersion } from '../../simulate/setup.js';
import type { SnapshotArgs } from '../snapshot.js';

export async function runSnapshot(args: SnapshotArgs): Promise<void> {
  const client = await connect(args);
  const progress = process.stderr.isTTY ? (kind: string, count: number) => process.stderr.write(`${kind}: ${count}\n`) : undefined;
  const state = await loadClusterState({ client, events: true, kueue: true, ...(progress ? { onProgress: progress } : {}) });
  if (state.eventsError !== undefined) process.stderr.write(`warning: events not captured: ${state.eventsError}\n`);
  for (const reason of state.forbidden ?? []) process.stderr.write(`warning: not captured: ${reason}\n`);
  // The snapshot records the gates it was taken with; unknown when /metrics is forbidden and no flag says.
  // A 1.37 cluster records its 1.37 gates (GangScheduling and WorkloadAwarePreemption are gone there).
  const version = await runKubeVersion(undefined, { client }, state);
  const { gates, notice } = await resolveGates(args['feature-gates'], { client }, state, version);
  if (notice?.startsWith('warning: ') && !args['feature-gates'])
    process.stderr.write(`warning: feature gates not recorded: ${notice.slice('warning: '.length)}\n`);
  const recorded =
    notice?.startsWith('warning: ') && !args['feature-gates'] ? state : { ...state, featureGates: gatesSpec(gates, version) };
  const list = stateToList(recorded);
  process.stdout.write(renderDocument(list, args.output));
}
