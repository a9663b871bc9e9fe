// `lint --snapshot FILE` / `lint --kubeconfig …`: a cluster's objects for the cross-object rules
// (X-01..03, X-15, X-19, …), so a Pod naming a PodGroup that exists in the cluster but not in the
// linted files is no finding. Read in every namespace: the linted objects may span several.

import type { KubeObject } from '@kubectl-workload/api';
import { stateObjects } from '@kubectl-workload/cluster';
import type { SourceOptions } from '@kubectl-workload/cluster';
import { loadClusterView } from '../status/cluster-view.js';

/** Lint stays offline unless a snapshot or a cluster is named explicitly. */
export function namesCluster(options: SourceOptions): boolean {
  return [options.snapshot, options.kubeconfig, options.context, options.server].some((value) => value !== undefined);
}

export async function clusterObjects(options: SourceOptions): Promise<KubeObject[]> {
  return stateObjects((await loadClusterView({ ...options, allNamespaces: true })).state);
}
