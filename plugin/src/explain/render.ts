// explain's output: the chain as a checklist, the broken link with its fix, then the simulation
// and the live state side by side (text); or the Diagnosis document for the JSON/YAML printer.

import type { Palette } from '../output/color.js';
import { ageOf } from '../status/duration.js';
import { renderTable } from '../output/table.js';
import { groupBy } from '../group-by.js';
import { FOLD_ABOVE, outcomeSummaries } from '../output/fold.js';
import type { LiveComparison } from './live.js';
import type { Diagnosis, LinkResult } from './model.js';
import type { PlacementAnalysis } from './placement/analysis.js';
import { freeWhere, type DeviceAnalysis } from './placement/devices.js';

export function explainDocument(diagnosis: Diagnosis): object {
  return { kind: 'Explanation', ...diagnosis };
}

const LINK_WIDTH = 'scheduler-name'.length + 2;

/** Milliseconds since the epoch: event and condition times print as ages, as kubectl shows them. */
type Now = number;

/** Rows that say the same thing, folded into the first with `(+N more)`: 8 identical gang messages read as one. */
function fold<T>(items: readonly T[], sameAs: (item: T) => string, name: (item: T) => string): { first: T; label: string }[] {
  return [...groupBy(items, sameAs).values()].map((group) => {
    const first = group[0] as T;
    return { first, label: group.length > 1 ? `${name(first)} (+${group.length - 1} more)` : name(first) };
  });
}

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((line) => (line ? by + line : line))
    .join('\n');
}

function linkLines(link: LinkResult, colors: Palette, now: Now): string[] {
  const marks = { ok: colors.green('✓'), broken: colors.red('✗'), warning: colors.yellow('!'), info: colors.cyan('•') };
  const mark = marks[link.status];
  const pad = ' '.repeat(LINK_WIDTH + 4);
  const age = link.observedAt ? ` (${ageOf(link.observedAt, now)} ago)` : '';
  return [`  ${mark} ${link.link.padEnd(LINK_WIDTH)}${link.summary}${age}`, ...link.details.map((d) => `${pad}${colors.dim(d)}`)];
}

/** With a topology constraint, the one domain the placed pods share (the node map groups by its key). */
function placedDomain(p: PlacementAnalysis): string | null {
  if (!p.topology) return null;
  const domainOf = new Map(p.nodeMap.nodes.map((n) => [n.name, n.domain]));
  const domains = new Set(p.pods.flatMap((pod) => (pod.node ? [domainOf.get(pod.node) ?? null] : [])));
  const [only] = domains;
  return domains.size === 1 ? (only ?? null) : null;
}

/**
 * The Pods table. Unless wide, pods that did not land and say the same thing share a row, and past
 * FOLD_ABOVE pods the placed ones fold into a count per outcome, naming their domain as simulate does.
 */
function podLines(p: PlacementAnalysis, wide: boolean): string[] {
  const { pods } = p;
  const foldPlaced = !wide && pods.length > FOLD_ABOVE;
  const listed = foldPlaced ? pods.filter((pod) => !pod.node) : pods;
  const lines = foldPlaced
    ? outcomeSummaries(
        pods.filter((pod) => pod.node),
        placedDomain(p),
      ).map((line) => `    ${line}`)
    : [];
  if (listed.length) {
    const folded = fold(
      listed,
      (pod) => (pod.node || wide ? pod.name : `${pod.outcome}\n${pod.message ?? ''}`),
      (pod) => pod.name,
    );
    const rows = folded.map(({ first, label }) => [label, first.outcome, first.node ?? '<none>', first.message ?? '']);
    lines.push(indent(renderTable({ headers: ['NAME', 'OUTCOME', 'NODE', 'MESSAGE'], rows }).trimEnd(), '    '));
  }
  if (foldPlaced) lines.push('    (--show-all or -o wide lists every pod)');
  return lines;
}

/** DRA: one row per claim request of the pending members, devices counted before the cycle. */
function deviceLines(devices: DeviceAnalysis): string[] {
  const table = {
    headers: ['CLAIM', 'REQUEST', 'DEVICE CLASS', 'EACH', 'CLAIMS', 'FREE/MATCHING', 'FREE ON'],
    rows: devices.requests.map((r) => [
      r.claim,
      r.request,
      r.deviceClass,
      String(r.perClaim),
      String(r.claims),
      `${r.free}/${r.matching}`,
      freeWhere(r.freeByNode),
    ]),
  };
  return ['  Devices:    free before the cycle', indent(renderTable(table).trimEnd(), '    ')];
}

function placementSection(p: PlacementAnalysis, colors: Palette, wide: boolean): string[] {
  const cycle = p.kubeVersion === '1.37' ? 'root-unit' : 'PodGroup';
  const lines = [colors.bold(`Simulation (kube-scheduler v${p.kubeVersion} ${cycle} cycle):`), `  Outcome:    ${p.outcome}`];
  if (p.message) lines.push(`  Message:    ${p.message}`);
  lines.push(`  Profile:    ${p.profile}`);
  if (p.condition) lines.push(`  Predicted:  ${p.condition.type} ${p.condition.status}/${p.condition.reason}`);
  if (p.composite) lines.push('  Hierarchy:', ...p.composite.tree.map((l) => `    ${l}`));
  if (p.topology) {
    const resources = Object.keys(p.topology.domains[0]?.free ?? {});
    lines.push(`  Topology:   one domain of ${p.topology.key}`);
    const table = {
      headers: ['DOMAIN', 'NODES', ...resources.map((r) => `FREE ${r.toUpperCase()}`), 'PODS FIT', 'NEEDED', 'NEXT POD FAILS WITH'],
      rows: p.topology.domains.map((d) => [
        d.domain,
        String(d.nodes),
        ...resources.map((r) => d.free[r] ?? ''),
        String(d.podsFit),
        String(d.podsNeeded),
        d.blocking ?? '<none>',
      ]),
    };
    lines.push(indent(renderTable(table).trimEnd(), '    '));
  }
  if (p.devices?.requests.length) lines.push(...deviceLines(p.devices));
  if (p.nodeReasons.length) {
    lines.push('  Node reasons:');
    for (const r of p.nodeReasons) lines.push(`    ${r.nodes} ${r.reason}`);
  }
  if (p.pods.length) lines.push('  Pods:', ...podLines(p, wide));
  if (p.hint) lines.push(`  Hint:       ${p.hint}`);
  if (p.preemption) lines.push(`  Preemption: ${p.preemption}`);
  for (const note of p.notes) lines.push(`  Note:       ${note}`);
  return lines;
}

function liveSection(live: LiveComparison, colors: Palette, now: Now): string[] {
  const lines = [colors.bold('Live:')];
  const c = live.condition;
  // Labels align on the condition's name: PodGroupScheduled (1.36), PodGroupInitiallyScheduled (1.37).
  const width = live.conditionType.length + 2;
  const field = (name: string) => `  ${`${name}:`.padEnd(width)}`;
  lines.push(`${field(live.conditionType)}${c ? `${c.status}/${c.reason}${c.message ? `: ${c.message}` : ''}` : '<none>'}`);
  const verdict = live.agrees === false ? colors.yellow(`DISAGREES: ${live.note}`) : live.note;
  lines.push(`${field('Simulation')}${verdict}`);
  if (live.events.length === 0) lines.push(`${field('Events')}<none>`);
  else {
    lines.push('  Events:');
    const folded = fold(
      live.events,
      (e) => `${e.type}\n${e.reason}\n${e.message}`,
      (e) => e.object,
    );
    const rows = folded.map(({ first: e, label }) => [
      ageOf(e.lastTimestamp ?? undefined, now),
      e.type,
      e.reason,
      label,
      `${e.message}${e.count > 1 ? ` (x${e.count})` : ''}`,
    ]);
    lines.push(indent(renderTable({ headers: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'], rows }).trimEnd(), '    '));
  }
  return lines;
}

export interface ExplainTextOptions {
  /** List every pod of a big gang instead of folding them (-o wide, --show-all). */
  readonly wide?: boolean;
  readonly now?: Now;
}

export function renderExplainText(d: Diagnosis, colors: Palette, options: ExplainTextOptions = {}): string {
  const { wide = false, now = Date.now() } = options;
  const lines = [
    colors.bold(`${d.target.kind} ${d.target.namespace}/${d.target.name}`),
    '',
    ...d.links.flatMap((l) => linkLines(l, colors, now)),
    '',
  ];
  if (d.broken) {
    lines.push(`${colors.red('Broken link:')} ${d.broken.link}`, `${colors.bold('Fix:')} ${d.broken.fix ?? ''}`);
    if (d.broken.refs.length) lines.push(colors.dim(`See: ${d.broken.refs.join(', ')}`));
    lines.push('');
  } else {
    const warned = d.links.filter((l) => l.status === 'warning');
    if (warned.length === 0) lines.push(colors.green('Every link holds.'), '');
    for (const w of warned)
      lines.push(
        `${colors.yellow('Warning:')} ${w.link}`,
        `${colors.bold('Fix:')} ${w.fix ?? ''}`,
        ...(w.refs.length ? [colors.dim(`See: ${w.refs.join(', ')}`)] : []),
        '',
      );
  }
  if (d.placement) lines.push(...placementSection(d.placement, colors, wide), '');
  if (d.live) lines.push(...liveSection(d.live, colors, now), '');
  return lines.join('\n');
}
