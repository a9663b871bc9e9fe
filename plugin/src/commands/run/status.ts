// The `status` command's work, loaded only when the command runs (see ../status.ts for its flags).

import { nameOf, parseLabelSelector } from '@kubectl-workload/api';
import { UserError } from '../../exit.js';
import { loadClusterView } from '../../status/cluster-view.js';
import { renderStatus, type StatusFormat } from '../../status/render.js';
import { statusRows } from '../../status/rows.js';
import type { StatusArgs } from '../status.js';

export async function runStatus(args: StatusArgs): Promise<void> {
  const matches = parseLabelSelector(args.selector);
  const view = await loadClusterView(args);
  const wanted = new Set(args.names);
  const groups = view.state.podGroups.filter((g) => matches(g.metadata?.labels) && (wanted.size === 0 || wanted.has(nameOf(g))));
  const missing = args.names.filter((n) => !groups.some((g) => nameOf(g) === n));
  if (missing.length > 0) {
    const where = view.allNamespaces ? '' : ` in namespace "${view.namespace}"`;
    throw new UserError(missing.map((n) => `podgroups.scheduling.k8s.io "${n}" not found${where}`).join('\n'));
  }
  const rows = statusRows(groups, view.state.pods);
  const format: StatusFormat = args.output ?? 'table';
  if (rows.length === 0 && (format === 'table' || format === 'wide')) {
    process.stderr.write(view.allNamespaces ? 'No resources found\n' : `No resources found in ${view.namespace} namespace.\n`);
    return;
  }
  process.stdout.write(renderStatus(rows, { format, allNamespaces: view.allNamespaces, noHeaders: !args.headers, now: Date.now() }));
}
