// Simulator throughput (spec scheduler.md §8): run with the repo's Node 24 after `npm run build`:
//   node test/bench/simulator/simulator-bench.ts [a|b|c ...]
// Scheduling time is measured after the Simulation is built (objects parsed, nodes loaded), like
// scheduler_perf measures after creating nodes; the setup time is printed separately.
// (a) one gang of 1,000 pods on 5,000 nodes; (b) 750 gangs × 4 pods on 5,000 nodes in 50 racks with a
// rack constraint; (c) 10,000 single pods on 5,000 nodes. Each prints pods/s, peak RSS, and the
// ratio to a baseline measured in the same run: a plain loop over the nodes doing only the
// resource-fit check for every pod. (d) checks memory: 50,000 single pods on 5,000 nodes (≤ 1 GiB RSS).

import type { Node, Pod, PodGroup } from '@kubectl-workload/api';
import { Simulation, simulationInput } from '@kubectl-workload/simulator';
import { benchNodes, benchPod } from './objects.ts';

const NODES = 5000;
const RACKS = 50;

const nodes = (): Node[] =>
  benchNodes(NODES, { cpu: '4', memory: '32Gi', pods: '110', 'ephemeral-storage': '100Gi' }, (i) => ({
    'topology.kubernetes.io/zone': `zone-${Math.floor(i / 100)}`,
    'topology.kubernetes.io/rack': `rack-${Math.floor(i / (NODES / RACKS))}`,
  }));

const pod = (name: string, group: string | undefined, second: number): Pod =>
  benchPod(name, second, { cpu: '100m', memory: '100Mi' }, group ? { schedulingGroup: { podGroupName: group } } : {});

function gang(name: string, minCount: number, rackKey: boolean): PodGroup {
  return {
    apiVersion: 'scheduling.k8s.io/v1alpha2',
    kind: 'PodGroup',
    metadata: { name, namespace: 'bench' },
    spec: {
      schedulingPolicy: { gang: { minCount } },
      ...(rackKey ? { schedulingConstraints: { topology: [{ key: 'topology.kubernetes.io/rack' }] } } : {}),
    },
  };
}

interface Case {
  readonly name: string;
  /** pods/s; undefined for the memory case. */
  readonly target: number | undefined;
  readonly build: () => { pods: Pod[]; groups: PodGroup[] };
}

const CASES: Record<string, Case> = {
  a: {
    name: '(a) 1 gang x 1000 pods, 5000 nodes',
    target: 7000,
    build: () => ({ pods: Array.from({ length: 1000 }, (_, i) => pod(`g-${i}`, 'gang', i)), groups: [gang('gang', 1000, false)] }),
  },
  b: {
    name: '(b) 750 gangs x 4 pods, 5000 nodes, 50 racks, rack constraint',
    target: 1100,
    build: () => ({
      pods: Array.from({ length: 3000 }, (_, i) => pod(`g${Math.floor(i / 4)}-${i % 4}`, `g${Math.floor(i / 4)}`, i)),
      groups: Array.from({ length: 750 }, (_, g) => gang(`g${g}`, 4, true)),
    }),
  },
  c: {
    name: '(c) 10000 single pods, 5000 nodes',
    target: 7000,
    build: () => ({ pods: Array.from({ length: 10000 }, (_, i) => pod(`p-${i}`, undefined, i)), groups: [] }),
  },
  d: {
    name: '(d) 50000 single pods, 5000 nodes (memory)',
    target: undefined,
    build: () => ({ pods: Array.from({ length: 50000 }, (_, i) => pod(`p-${i}`, undefined, i)), groups: [] }),
  },
};

/** The floor: for every pod, one pass over all nodes checking only cpu/memory/pods fit, first fit wins. */
function baseline(podCount: number, nodeCount: number): number {
  const cpu = new Float64Array(nodeCount).fill(4000);
  const mem = new Float64Array(nodeCount).fill(32 * 2 ** 30);
  const pods = new Float64Array(nodeCount).fill(110);
  const start = performance.now();
  let best = 0;
  for (let p = 0; p < podCount; p++) {
    let chosen = -1;
    let most = -1;
    for (let n = 0; n < nodeCount; n++) {
      if ((cpu[n] as number) >= 100 && (mem[n] as number) >= 100 * 2 ** 20 && (pods[n] as number) >= 1 && (cpu[n] as number) > most) {
        most = cpu[n] as number;
        chosen = n;
      }
    }
    if (chosen >= 0) {
      cpu[chosen] = (cpu[chosen] as number) - 100;
      mem[chosen] = (mem[chosen] as number) - 100 * 2 ** 20;
      pods[chosen] = (pods[chosen] as number) - 1;
      best += chosen;
    }
  }
  if (best < 0) console.log('unreachable');
  return podCount / ((performance.now() - start) / 1000);
}

function run(key: string): void {
  const c = CASES[key];
  if (!c) throw new Error(`unknown case ${key}; use a, b or c`);
  const { pods, groups } = c.build();
  const input = simulationInput([...nodes(), ...pods, ...groups]);
  const start = performance.now();
  const sim = new Simulation(input, { now: '2026-01-01T00:00:00Z', diagnose: false });
  const built = performance.now();
  const result = sim.runToQuiescence();
  const seconds = (performance.now() - built) / 1000;
  const setup = (built - start) / 1000;
  const scheduled = result.pods.filter((p) => p.outcome === 'Scheduled').length;
  const rate = pods.length / seconds;
  const base = baseline(pods.length, NODES);
  const rssMiB = process.resourceUsage().maxRSS / 1024;
  const verdict = c.target === undefined ? '' : ` (target >= ${c.target}: ${rate >= c.target ? 'met' : 'MISSED'})`;
  console.log(
    `${c.name}: setup (cluster + pod parsing) ${setup.toFixed(2)} s; ${pods.length} pods (${scheduled} scheduled) in ${seconds.toFixed(2)} s = ${Math.round(rate)} pods/s${verdict}; ` +
      `baseline fit-only loop ${Math.round(base)} pods/s, ratio ${(rate / base).toFixed(2)}; ` +
      `peak RSS ${rssMiB.toFixed(0)} MiB (target <= 1024: ${rssMiB <= 1024 ? 'met' : 'MISSED'})`,
  );
}

const selected = process.argv.slice(2);
for (const key of selected.length > 0 ? selected : Object.keys(CASES)) run(key);
