// Simulator throughput (spec scheduler.md §8): run with the repo's Node 24 after `npm run build`:
//   node test/bench/simulator/simulator-bench.ts [a|b|c ...]
// Scheduling time is measured after the Simulation is built (objects parsed, nodes loaded), like
// scheduler_perf measures after creating nodes; the setup time is printed separately.
// (a) one gang of 1,000 pods on 5,000 nodes; (b) 750 gangs × 4 pods on 5,000 nodes in 50 racks with a
// rack constraint; (c) 10,000 single pods on 5,000 nodes. Each prints pods/s, peak RSS, and the
// ratio to a baseline measured in the same run: a plain loop over the nodes doing only the
// resource-fit check for every pod. (d) checks memory: 50,000 single pods on 5,000 nodes (≤ 1 GiB RSS).
// (e) the Kubernetes 1.37 cycle: 250 composite gangs of 4 child gangs x 4 pods on 5,000 nodes in 50
// racks with the rack constraint on the CompositePodGroup (scheduler-1.37.md §6).

import type { CompositePodGroup, KubeObject, KubeVersion, Node, Pod, PodGroup } from '@kubectl-workload/api';
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

/** (e): a root CompositePodGroup with a rack constraint over `children` gangs of `size` pods. */
function compositeGang(c: number, children: number, size: number): KubeObject[] {
  const ref = (template: string) => ({ workloadName: `w${c}`, templateName: template });
  const root: CompositePodGroup = {
    apiVersion: 'scheduling.k8s.io/v1alpha3',
    kind: 'CompositePodGroup',
    metadata: { name: `c${c}`, namespace: 'bench' },
    spec: {
      workloadRef: ref('root'),
      schedulingPolicy: { gang: { minGroupCount: children } },
      schedulingConstraints: { topology: [{ key: 'topology.kubernetes.io/rack' }] },
    },
  };
  const objects: KubeObject[] = [root];
  for (let g = 0; g < children; g++) {
    const name = `c${c}-g${g}`;
    objects.push({
      apiVersion: 'scheduling.k8s.io/v1beta1',
      kind: 'PodGroup',
      metadata: { name, namespace: 'bench', creationTimestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, g)).toISOString() },
      spec: { parentCompositePodGroupName: `c${c}`, workloadRef: ref(`g${g}`), schedulingPolicy: { gang: { minCount: size } } },
    } as KubeObject);
    for (let i = 0; i < size; i++) objects.push(pod(`${name}-${i}`, name, (c * children + g) * size + i));
  }
  return objects;
}

interface Case {
  readonly name: string;
  /** pods/s; undefined for the memory case. */
  readonly target: number | undefined;
  readonly kubeVersion?: KubeVersion;
  readonly build: () => { pods: Pod[]; groups: readonly KubeObject[] };
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
  e: {
    name: '(e) 1.37: 250 composite gangs x 4 child gangs x 4 pods, 5000 nodes, 50 racks, rack constraint on the composite',
    target: 2000,
    kubeVersion: '1.37',
    build: () => {
      const objects = Array.from({ length: 250 }, (_, c) => compositeGang(c, 4, 4)).flat();
      return { pods: objects.filter((o): o is Pod => o.kind === 'Pod'), groups: objects.filter((o) => o.kind !== 'Pod') };
    },
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
  if (!c) throw new Error(`unknown case ${key}; use a, b, c, d or e`);
  const { pods, groups } = c.build();
  const input = simulationInput([...nodes(), ...pods, ...groups]);
  const start = performance.now();
  const sim = new Simulation(input, {
    now: '2026-01-01T00:00:00Z',
    diagnose: false,
    ...(c.kubeVersion ? { kubeVersion: c.kubeVersion } : {}),
  });
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
