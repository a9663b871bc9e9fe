// The placement picture's page model: plain data laid out from the JSON document that `-o json`
// prints (explain's `Explanation`, or simulate's `SimulationReport` with the node map `-o html`
// adds). One model for both commands; the page script only draws it. Nothing here re-runs analysis:
// every figure is a field of the document, regrouped (nodes per domain, pods per node, placements
// per domain).

import type { Diagnosis } from '../explain/model.js';
import type { NodeMap } from '../explain/placement/node-cells.js';
import type { NodeReasonCount } from '../explain/placement/node-reasons.js';
import type { ReportPlacements } from '../simulate/placements.js';
import type { SimulateReport } from '../simulate/report.js';
import { renderVerdicts, type WhatIfVerdict } from '../whatif/verdict.js';

export type ExplanationDocument = { readonly kind: 'Explanation' } & Diagnosis;
export type SimulationDocument = SimulateReport & { readonly nodeMap: NodeMap; readonly whatIf?: readonly WhatIfVerdict[] };
export type PictureSource = ExplanationDocument | SimulationDocument;

export interface PictureNode {
  readonly name: string;
  /** Free share (0..1) of the model's resource; null when the node has none of it. */
  readonly free: number | null;
  /** Indexes into PictureModel.reasons: the filter reasons this node gave. */
  readonly reasons: readonly number[];
}

/** One block of the picture: the nodes `first .. first+count-1` of PictureModel.nodes. */
export interface PictureDomain {
  readonly name: string;
  readonly first: number;
  readonly count: number;
  /** Free resources of the domain's nodes, as quantities (cpu, memory, the blocking resource). */
  readonly free: Readonly<Record<string, string>>;
}

/** How a gang's placement cycle judged one domain. */
export interface DomainVerdict {
  readonly state: 'chosen' | 'feasible' | 'infeasible';
  /** The PlacementScore total (NodeResourcesFit + PodGroupPodsCount); null when only one domain was feasible (no scoring ran). */
  readonly score: number | null;
  readonly scoreParts: string | null;
  /** explain only: members that fit there, of those needed, and the first FitError inside it. */
  readonly podsFit: number | null;
  readonly podsNeeded: number | null;
  readonly blocking: string | null;
}

export interface PicturePod {
  readonly name: string;
  readonly outcome: string;
  /** Index into PictureModel.nodes; null when not placed. */
  readonly node: number | null;
  readonly message: string | null;
}

export interface PictureVictim {
  readonly pod: string;
  readonly node: number | null;
  readonly nodeName: string;
  readonly priority: number;
  readonly podGroup: string | null;
}

export interface PictureGroup {
  /** `namespace/name`. */
  readonly id: string;
  readonly outcome: string;
  readonly message: string;
  readonly hint: string | null;
  readonly preemption: string | null;
  /** The group's FitError breakdown: filter reasons by node count. */
  readonly reasons: readonly NodeReasonCount[];
  readonly pods: readonly PicturePod[];
  /** Keyed by domain name; empty without a topology key on the picture's grouping label. */
  readonly domains: Readonly<Record<string, DomainVerdict>>;
  readonly victims: readonly PictureVictim[];
}

export interface PictureModel {
  readonly command: 'explain' | 'simulate';
  readonly title: string;
  /** The verdict line at the top, and the fix when there is one. */
  readonly verdict: string;
  /** Lines under the verdict: simulate -f's what-if verdicts, as its text output prints them. */
  readonly details: readonly string[];
  readonly broken: boolean;
  readonly fix: string | null;
  /** The scheduler version and what was simulated, in words. */
  readonly run: string;
  readonly groupBy: string;
  readonly resource: string;
  /** Every distinct per-node reason; nodes refer to them by index. */
  readonly reasons: readonly string[];
  /** Ordered by domain: each domain is one run of cells. */
  readonly nodes: readonly PictureNode[];
  readonly domains: readonly PictureDomain[];
  readonly groups: readonly PictureGroup[];
}

const noLabel = (groupBy: string): string => `(no ${groupBy} label)`;

interface Layout {
  readonly reasons: string[];
  readonly nodes: PictureNode[];
  readonly domains: PictureDomain[];
  readonly index: ReadonlyMap<string, number>;
}

/** Nodes regrouped per domain (in order of the domain's first node), reasons interned. */
function layout(map: NodeMap): Layout {
  const reasons: string[] = [];
  const reasonIndex = new Map<string, number>();
  const intern = (r: string): number => {
    let at = reasonIndex.get(r);
    if (at === undefined) reasonIndex.set(r, (at = reasons.push(r) - 1));
    return at;
  };
  const byDomain = new Map<string | null, NodeMap['nodes'][number][]>();
  for (const n of map.nodes) {
    const list = byDomain.get(n.domain);
    if (list) list.push(n);
    else byDomain.set(n.domain, [n]);
  }
  const freeOf = new Map((map.domains ?? []).map((d) => [d.domain, d.free]));
  const nodes: PictureNode[] = [];
  const domains: PictureDomain[] = [];
  const index = new Map<string, number>();
  for (const [domain, list] of byDomain) {
    domains.push({ name: domain ?? noLabel(map.groupBy), first: nodes.length, count: list.length, free: freeOf.get(domain) ?? {} });
    for (const n of list) {
      index.set(n.name, nodes.length);
      nodes.push({ name: n.name, free: n.free, reasons: n.reasons.map(intern) });
    }
  }
  return { reasons, nodes, domains, index };
}

type Rows = ReadonlyMap<string, { podsFit: number; podsNeeded: number; blocking: string | null }>;

/** Per generated domain: chosen, feasible or infeasible, with its PlacementScore when scoring ran. */
function domainVerdicts(placements: ReportPlacements | null, groupBy: string, rows: Rows = new Map()): Record<string, DomainVerdict> {
  if (!placements || placements.key !== groupBy) return {};
  const feasible = new Set(placements.feasible);
  return Object.fromEntries(
    placements.generated.map((name) => {
      const score = placements.scores[name];
      const row = rows.get(name);
      const verdict: DomainVerdict = {
        state: name === placements.chosen ? 'chosen' : feasible.has(name) ? 'feasible' : 'infeasible',
        score: score ? score.total : null,
        scoreParts: score ? `NodeResourcesFit ${score.NodeResourcesFit} + PodGroupPodsCount ${score.PodGroupPodsCount}` : null,
        podsFit: row ? row.podsFit : null,
        podsNeeded: row ? row.podsNeeded : null,
        blocking: row ? row.blocking : null,
      };
      return [name, verdict];
    }),
  );
}

function pod(
  index: ReadonlyMap<string, number>,
  p: { name: string; outcome: string; node: string | null; message: string | null },
): PicturePod {
  return { name: p.name, outcome: p.outcome, node: p.node === null ? null : (index.get(p.node) ?? null), message: p.message };
}

function victim(
  index: ReadonlyMap<string, number>,
  v: { namespace: string; name: string; node: string; priority: number; podGroup: string | null },
): PictureVictim {
  return { pod: `${v.namespace}/${v.name}`, node: index.get(v.node) ?? null, nodeName: v.node, priority: v.priority, podGroup: v.podGroup };
}

function explanationModel(doc: ExplanationDocument): PictureModel {
  const p = doc.placement;
  const id = `${doc.target.namespace}/${doc.target.name}`;
  const title = `${doc.target.kind} ${id}`;
  const verdict = doc.broken ? `Broken link: ${doc.broken.link} — ${doc.broken.summary}` : 'Every link holds.';
  const common = { command: 'explain' as const, title, verdict, details: [], broken: doc.broken !== null, fix: doc.broken?.fix ?? null };
  if (!p) {
    const run = 'The chain did not reach the nodes: nothing was simulated.';
    return { ...common, run, groupBy: '', resource: '', reasons: [], nodes: [], domains: [], groups: [] };
  }
  const { reasons, nodes, domains, index } = layout(p.nodeMap);
  const rows: Rows = new Map((p.topology?.domains ?? []).map((d) => [d.domain, d]));
  const group: PictureGroup = {
    id,
    outcome: p.outcome,
    message: p.message,
    hint: p.hint,
    preemption: p.preemption ?? null,
    reasons: p.nodeReasons,
    pods: p.pods.map((x) => pod(index, x)),
    domains: domainVerdicts(p.placements ?? null, p.nodeMap.groupBy, rows),
    victims: (p.victims ?? []).map((v) => victim(index, v)),
  };
  return {
    ...common,
    run: `Simulation (kube-scheduler v${p.kubeVersion}, ${p.profile})`,
    groupBy: p.nodeMap.groupBy,
    resource: p.nodeMap.resource,
    reasons,
    nodes,
    domains,
    groups: [group],
  };
}

function simulationModel(doc: SimulationDocument): PictureModel {
  const { reasons, nodes, domains, index } = layout(doc.nodeMap);
  const groups = doc.podGroups.map((g): PictureGroup => {
    const id = `${g.namespace}/${g.name}`;
    return {
      id,
      outcome: g.outcome,
      message: g.message,
      hint: null,
      preemption: null,
      reasons: g.nodeReasons ?? [],
      pods: doc.pods.filter((p) => p.podGroup === g.name && p.namespace === g.namespace).map((p) => pod(index, p)),
      domains: domainVerdicts(g.placements, doc.nodeMap.groupBy),
      // Pod-by-pod preemptors name the pod; workload-aware ones the group: both carry the group's name.
      victims: doc.victims
        .filter((v) => v.preemptorGroup === g.name && v.preemptor.startsWith(`${g.namespace}/`))
        .map((v) => victim(index, v)),
    };
  });
  const placed = groups.filter((g) => g.outcome === 'Scheduled').length;
  const counts = Object.entries(doc.summary)
    .map(([outcome, n]) => `${n} ${outcome}`)
    .join(', ');
  const whatIf = doc.whatIf && renderVerdicts(doc.whatIf).trim().split('\n');
  return {
    command: 'simulate',
    title: `simulation of ${doc.nodes} nodes, ${groups.length} PodGroups`,
    verdict: `${placed} of ${groups.length} PodGroups placed; pods: ${counts}.`,
    details: whatIf ?? [],
    // With -f the question is whether the new objects fit; else whether every gang landed.
    broken: doc.whatIf ? doc.whatIf.some((v) => v.fits === false) : placed < groups.length,
    fix: null,
    run: `Simulation (kube-scheduler ${doc.schedulerVersion}, ${doc.mode === 'podGroup' ? 'one PodGroup cycle' : 'until nothing more fits'})`,
    groupBy: doc.nodeMap.groupBy,
    resource: doc.nodeMap.resource,
    reasons,
    nodes,
    domains,
    groups,
  };
}

export function pictureModel(doc: PictureSource): PictureModel {
  return doc.kind === 'Explanation' ? explanationModel(doc) : simulationModel(doc);
}
