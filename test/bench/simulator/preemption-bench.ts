// Preemption-heavy simulator throughput (spec scheduler.md §4, §8): run with the repo's Node 24 after `npm run build`:
//   node test/bench/simulator/preemption-bench.ts
// 5,000 nodes (4 cpu) each full with four 1-cpu pods at priority 10, then one gang of 1,000 1-cpu pods
// at priority 1000 (minCount 1000). With preemption every member preempts pod by pod in the first
// group cycle (the group waits), the victims are evicted and the second cycle binds the gang.
// Prints pods/s (gang pods over the whole run to quiescence), victims, peak RSS, and the ratio to a
// baseline measured in the same run: the same snapshot simulated with preemption off (plain fit).

import type { Node, Pod, PodGroup, PriorityClass } from '@kubectl-workload/api';
import { Simulation, simulationInput, type SimulationOptions } from '@kubectl-workload/simulator';
import { benchNodeName, benchNodes, benchPod } from './objects.ts';

const NODES = 5000;
const LOW_PER_NODE = 4;
const GANG = 1000;

const nodes = (): Node[] => benchNodes(NODES, { cpu: '4', memory: '32Gi', pods: '110' });

const pod = (name: string, second: number, spec: Pod['spec']): Pod => benchPod(name, second, { cpu: '1', memory: '1Gi' }, spec);

function objects(): (Node | Pod | PodGroup | PriorityClass)[] {
  const classes: PriorityClass[] = [
    { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'low' }, value: 10 },
    { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000 },
  ];
  const low = Array.from({ length: NODES * LOW_PER_NODE }, (_, i) =>
    pod(`low-${i}`, 0, { nodeName: benchNodeName(Math.floor(i / LOW_PER_NODE)), priorityClassName: 'low' }),
  );
  const gang: PodGroup = {
    apiVersion: 'scheduling.k8s.io/v1alpha2',
    kind: 'PodGroup',
    metadata: { name: 'gang', namespace: 'bench' },
    spec: { schedulingPolicy: { gang: { minCount: GANG } } },
  };
  const members = Array.from({ length: GANG }, (_, i) =>
    pod(`g-${i}`, i, { priorityClassName: 'high', schedulingGroup: { podGroupName: 'gang' } }),
  );
  return [...nodes(), ...classes, ...low, gang, ...members];
}

function simulate(options: SimulationOptions): { seconds: number; scheduled: number; victims: number } {
  const sim = new Simulation(simulationInput(objects()), { now: '2026-01-01T00:00:00Z', diagnose: false, ...options });
  const start = performance.now();
  const result = sim.runToQuiescence();
  const seconds = (performance.now() - start) / 1000;
  return { seconds, scheduled: result.pods.filter((p) => p.outcome === 'Scheduled').length, victims: result.victims.length };
}

const plain = simulate({});
const preempting = simulate({ preemption: { workloadAware: true } });
const rate = GANG / preempting.seconds;
const base = GANG / plain.seconds;
const rssMiB = process.resourceUsage().maxRSS / 1024;
console.log(
  `preemption: ${NODES} nodes x ${LOW_PER_NODE} low-priority pods, 1 gang x ${GANG} pods: ${preempting.scheduled} scheduled, ${preempting.victims} victims in ${preempting.seconds.toFixed(2)} s = ${Math.round(rate)} pods/s; ` +
    `baseline without preemption (${plain.scheduled} scheduled) ${plain.seconds.toFixed(2)} s = ${Math.round(base)} pods/s, ratio ${(rate / base).toFixed(2)}; ` +
    `peak RSS ${rssMiB.toFixed(0)} MiB (target <= 1024: ${rssMiB <= 1024 ? 'met' : 'MISSED'})`,
);
