// The `status` command's work, loaded only when the command runs (see ../status.ts for its flags).

import { nameOf, parseLabelSelector, type KubeObject } from '@kubectl-workload/api';
import { didYouMean } from '@kubectl-workload/cluster';
import { UserError } from '../../exit.js';
import { loadClusterView } from '../../status/cluster-view.js';
import { isDocumentFormat, renderDocument } from '../../output/document.js';
import { renderTable } from '../../output/table.js';
import { statusDocument, statusTable } from '../../status/render.js';
import { statusRows } from '../../status/rows.js';
import type { StatusArgs } from '../status.js';

export async function runStatus(args: StatusArgs): Promise<void> {
  const matches = parseLabelSelector(args.selector);
  const view = await loadClusterView(args);
  const wanted = new Set(args.names);
  const shown = (g: KubeObject) => matches(g.metadata?.labels) && (wanted.size === 0 || wanted.has(nameOf(g)));
  const groups = view.state.podGroups.filter(shown);
  const composites = view.state.compositePodGroups.filter(shown);
  const found = new Set([...groups, ...composites].map((g) => nameOf(g)));
  const missing = args.names.filter((n) => !found.has(n));
  if (missing.length > 0) {
    const where = view.allNamespaces ? '' : ` in namespace "${view.namespace}"`;
    const names = [...view.state.podGroups, ...view.state.compositePodGroups].map((g) => nameOf(g));
    throw new UserError(missing.map((n) => `podgroups.scheduling.k8s.io "${n}" not found${where}${didYouMean(n, names)}`).join('\n'));
  }
  const rows = statusRows(groups, view.state.pods, composites);
  if (isDocumentFormat(args.output)) {
    process.stdout.write(renderDocument(statusDocument(rows), args.output));
    return;
  }
  if (rows.length === 0) {
    process.stderr.write(view.allNamespaces ? 'No resources found\n' : `No resources found in ${view.namespace} namespace.\n`);
    return;
  }
  const table = statusTable(rows, { wide: args.output === 'wide', allNamespaces: view.allNamespaces, now: Date.now() });
  process.stdout.write(renderTable(table, { noHeaders: !args.headers }));
}
