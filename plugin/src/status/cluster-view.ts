// The cluster a read-only command looks at: the loaded state narrowed to the namespace the user
// means (-n, else the context's for a live cluster, else `default`), or every namespace with -A.
// A snapshot gives the same view as the live cluster it was taken from.

import {
  ClusterAccessError,
  loadClusterState,
  OptionError,
  sourceFromOptions,
  stateFromObjects,
  stateObjects,
  type ClusterSource,
  type ClusterState,
  type SourceOptions,
} from '@kubectl-workload/cluster';
import { ObjectsFileError } from '@kubectl-workload/api';
import { UserError } from '../exit.js';

export interface ClusterView {
  readonly state: ClusterState;
  readonly namespace: string;
  readonly allNamespaces: boolean;
  readonly source: ClusterSource;
}

/** Errors meant for the user: bad flags, an unreachable or refusing server, an unreadable snapshot. */
function isUserFacing(err: unknown): err is Error {
  return err instanceof ClusterAccessError || err instanceof OptionError || err instanceof ObjectsFileError;
}

export async function loadClusterView(options: SourceOptions): Promise<ClusterView> {
  try {
    const source = await sourceFromOptions(options);
    const namespace = 'client' in source ? source.client.namespace : (options.namespace ?? 'default');
    const allNamespaces = options.allNamespaces ?? false;
    const loaded = await loadClusterState(source);
    // An empty snapshot answers every question with "nothing": say so rather than exit 0 in silence.
    if ('snapshot' in source && stateObjects(loaded).length === 0)
      process.stderr.write(`warning: snapshot "${source.snapshot}" holds no objects\n`);
    for (const reason of loaded.forbidden ?? []) process.stderr.write(`warning: ${reason}; going on without them\n`);
    const state = allNamespaces ? loaded : stateFromObjects(stateObjects(loaded), { namespace });
    return { state, namespace, allNamespaces, source };
  } catch (err) {
    if (isUserFacing(err)) throw new UserError(err.message);
    throw err;
  }
}
