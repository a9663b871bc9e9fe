// `lint --snapshot FILE` / `lint --kubeconfig …`: a cluster's objects for the cross-object rules
// (X-01..03, X-15, X-19, …), so a Pod naming a PodGroup that exists in the cluster but not in the
// linted files is no finding. Read in every namespace: the linted objects may span several.

import type { KubeObject } from '@kubectl-workload/api';
import type { SourceOptions } from '@kubectl-workload/cluster';

/** Lint stays offline unless a snapshot or a cluster is named explicitly. */
export function namesCluster(options: SourceOptions): boolean {
  return [options.snapshot, options.kubeconfig, options.context, options.server].some((value) => value !== undefined);
}

export async function clusterObjects(options: SourceOptions): Promise<KubeObject[]> {
  // Loaded on use: the cluster access (an HTTP client among it) is most of the CLI's code, and an
  // offline lint never needs it.
  const [{ stateObjects }, { loadClusterView }] = await Promise.all([
    import('@kubectl-workload/cluster'),
    import('../status/cluster-view.js'),
  ]);
  return stateObjects((await loadClusterView({ ...options, allNamespaces: true })).state);
}
