// Human-readable simulate output: per group the outcome, condition, placement and a pod → node
// table; then every pod that did not schedule with its message; then ties and standing notes.
// Big groups fold: more than FOLD_ABOVE rows become one line per outcome (`998 pods Scheduled on
// 998 nodes (zone-0)`), and identical "Not scheduled" messages one line with a count; `-o wide`
// (and -o json) list every pod.

import { tableLines } from '../output/table.js';
import { groupBy } from '../group-by.js';
import { FOLD_ABOVE, outcomeSummaries } from '../output/fold.js';
import type { ReportCompositePodGroup, ReportPod, ReportPodGroup, ReportVictim, SimulateReport } from './report.js';

const MAX_TIE_LINES = 5;

export interface TextOptions {
  /** List every pod instead of folding (-o wide). */
  readonly wide?: boolean;
}

/** A group's members as one line per outcome: how many, and for the scheduled ones where. */
function foldedMembers(members: readonly ReportPod[], chosen: string | null | undefined): string[] {
  return [...outcomeSummaries(members, chosen).map((line) => `  ${line}`), '  (-o wide lists every pod)'];
}

/** "Not scheduled" lines; pods with the same outcome and message share one line when there are many. */
function notScheduledLines(failed: readonly ReportPod[], wide: boolean): string[] {
  const line = (p: ReportPod): string =>
    `${p.namespace}/${p.name} (${p.outcome}${p.nominatedNode ? `, nominated to ${p.nominatedNode}` : ''}): ${p.message ?? ''}`;
  if (wide || failed.length <= FOLD_ABOVE) return failed.map((p) => `  ${line(p)}`);
  const alike = groupBy(failed, (p) => `${p.outcome}\u0000${p.nominatedNode ?? ''}\u0000${p.message ?? ''}`);
  return [...alike.values()].map(([first, ...rest]) =>
    rest.length ? `  ${first ? line(first) : ''} (and ${rest.length} more alike)` : `  ${first ? line(first) : ''}`,
  );
}

function groupHeader(g: ReportPodGroup): string {
  const policy = g.policy === 'gang' ? `gang, minCount ${g.minCount ?? '?'}` : g.policy;
  return `PodGroup ${g.namespace}/${g.name} (${policy}): ${g.outcome}${g.message ? ` - ${g.message}` : ''}`;
}

/** simulate's compact table: two spaces between columns. */
function table([headers = [], ...rows]: readonly (readonly string[])[]): string[] {
  return tableLines({ headers, rows }, { padding: 2, minWidth: 0 });
}

/** Condition and placement lines, shared by PodGroups and CompositePodGroups. */
function statusLines(g: ReportPodGroup | ReportCompositePodGroup): string[] {
  const lines: string[] = [];
  if (g.condition) {
    const c = g.condition;
    lines.push(`  condition: ${c.type}=${c.status} reason=${c.reason}${c.message ? ` message=${JSON.stringify(c.message)}` : ''}`);
  }
  if (g.placements) {
    const p = g.placements;
    lines.push(
      `  placement: ${p.chosen ? `${p.key}=${p.chosen}` : 'none'} (generated: ${p.generated.join(', ') || 'none'}; feasible: ${p.feasible.join(', ') || 'none'})`,
    );
    for (const [name, s] of Object.entries(p.scores))
      lines.push(`    ${name}: NodeResourcesFit ${s.NodeResourcesFit} + PodGroupPodsCount ${s.PodGroupPodsCount} = ${s.total}`);
  }
  return lines;
}

function renderGroup(g: ReportPodGroup, members: readonly ReportPod[], wide: boolean): string[] {
  const lines = [groupHeader(g), ...statusLines(g)];
  if (!wide && members.length > FOLD_ABOVE) lines.push(...foldedMembers(members, g.placements?.chosen));
  else if (members.length > 0) {
    const rows = [['POD', 'OUTCOME', 'NODE'], ...members.map((p) => [p.name, p.outcome, p.node ?? '-'])];
    lines.push(...table(rows).map((l) => `  ${l}`));
  }
  if (g.tieBroken) lines.push(`  tie: ${g.tieBroken}`);
  for (const note of g.notes) lines.push(`  note: ${note}`);
  return lines;
}

/**
 * A 1.37 hierarchy as a tree: the composite's header, condition and placement, then each child in
 * evaluation order, indented one level, PodGroups with their pods. Returns the groups it showed.
 */
function renderTree(
  root: ReportCompositePodGroup,
  report: SimulateReport,
  byGroup: ReadonlyMap<string | null, ReportPod[]>,
  wide: boolean,
  shown: Set<string>,
): string[] {
  const key = (namespace: string, name: string): string => `${namespace}/${name}`;
  shown.add(`cpg:${key(root.namespace, root.name)}`);
  const policy = root.policy === 'gang' ? `gang, minGroupCount ${root.minGroupCount ?? '?'}` : 'basic';
  const lines = [
    `CompositePodGroup ${key(root.namespace, root.name)} (${policy}): ${root.outcome}${root.message ? ` - ${root.message}` : ''}`,
    ...statusLines(root),
    ...root.notes.map((n) => `  note: ${n}`),
  ];
  for (const child of root.children) {
    const childLines =
      child.kind === 'CompositePodGroup'
        ? renderChildComposite(child.name)
        : renderChildGroup(report.podGroups.find((g) => g.namespace === root.namespace && g.name === child.name));
    const [first = '', ...rest] = childLines;
    lines.push(`  └ ${first}`, ...rest.map((l) => `    ${l}`));
  }
  return lines;

  function renderChildComposite(name: string): string[] {
    const found = report.compositePodGroups.find((c) => c.namespace === root.namespace && c.name === name);
    return found ? renderTree(found, report, byGroup, wide, shown) : [`CompositePodGroup ${name}: no cycle`];
  }

  function renderChildGroup(g: ReportPodGroup | undefined): string[] {
    if (!g) return ['PodGroup: no cycle (no pending pods)'];
    shown.add(key(g.namespace, g.name));
    return renderGroup(g, byGroup.get(key(g.namespace, g.name)) ?? [], wide);
  }
}

/** Who preemption evicts, grouped by preemptor (spec scheduler.md §4). */
function renderVictims(victims: readonly ReportVictim[]): string[] {
  if (victims.length === 0) return [];
  const groups = new Set(victims.filter((v) => v.podGroup !== null).map((v) => `${v.namespace}/${v.podGroup ?? ''}`));
  const where = groups.size === 0 ? ', none in a PodGroup' : ` in ${groups.size} PodGroup${groups.size === 1 ? '' : 's'}`;
  const lines = [`Preempted: ${victims.length} pod${victims.length === 1 ? '' : 's'}${where}`];
  const rows = [
    ['VICTIM', 'NODE', 'PRIORITY', 'POD GROUP', 'PREEMPTOR', 'BY'],
    ...victims.map((v) => [`${v.namespace}/${v.name}`, v.node, String(v.priority), v.podGroup ?? '-', v.preemptor, v.mechanism]),
  ];
  lines.push(...table(rows).map((l) => `  ${l}`), '');
  return lines;
}

export function renderText(report: SimulateReport, options: TextOptions = {}): string {
  const wide = options.wide === true;
  const lines: string[] = [];
  // One pass over the pods, not one per group: a cluster can hold thousands of both.
  const byGroup = groupBy(report.pods, (p) => (p.podGroup === null ? null : `${p.namespace}/${p.podGroup}`));
  const shown = new Set<string>();
  const inReport = new Set(report.compositePodGroups.map((c) => `${c.namespace}/${c.name}`));
  for (const root of report.compositePodGroups.filter((c) => c.parent === null || !inReport.has(`${c.namespace}/${c.parent}`)))
    lines.push(...renderTree(root, report, byGroup, wide, shown), '');
  for (const g of report.podGroups) {
    if (!shown.has(`${g.namespace}/${g.name}`)) lines.push(...renderGroup(g, byGroup.get(`${g.namespace}/${g.name}`) ?? [], wide), '');
  }
  const single = report.pods.filter((p) => p.podGroup === null && p.outcome === 'Scheduled');
  if (single.length > 0) {
    lines.push('Pods without a PodGroup:');
    lines.push(...table([['POD', 'NODE'], ...single.map((p) => [`${p.namespace}/${p.name}`, p.node ?? '-'])]).map((l) => `  ${l}`), '');
  }
  const failed = report.pods.filter((p) => p.outcome !== 'Scheduled');
  if (failed.length > 0) {
    lines.push('Not scheduled:', ...notScheduledLines(failed, wide), '');
  }
  lines.push(...renderVictims(report.victims));
  const ties = report.pods.filter((p) => p.podGroup === null && p.tieBroken);
  for (const p of ties.slice(0, MAX_TIE_LINES)) lines.push(`tie: ${p.namespace}/${p.name}: ${p.tieBroken}`);
  if (ties.length > MAX_TIE_LINES) lines.push(`tie: ... and ${ties.length - MAX_TIE_LINES} more pods with tied nodes (see -o json)`);
  const { Scheduled, Unschedulable, Gated, Preempted } = report.summary;
  const evicted =
    Preempted === undefined
      ? ''
      : `, ${Preempted} preempted; ${report.victims.length} victim${report.victims.length === 1 ? '' : 's'} evicted`;
  lines.push(`${report.nodes} nodes; pods: ${Scheduled} scheduled, ${Unschedulable} unschedulable, ${Gated} gated${evicted}`);
  for (const note of report.notes) lines.push(`note: ${note}`);
  return `${lines.join('\n')}\n`;
}
