// DynamicResources throughput: run with the repo's Node 24 after `npm run build`:
//   node test/bench/simulator/dra-bench.ts
// A gang of 1,000 pods, each claiming one GPU through a ResourceClaimTemplate (a DeviceClass with a
// CEL selector on the driver and a request selector on a device attribute), on 2,000 nodes that each
// publish 8 GPUs in a node-local ResourceSlice. Scheduling time is measured after the Simulation is
// built (setup printed separately). Baseline in the same run: the same gang asking for the GPU as an
// extended resource (`example.com/gpu: 1`, 8 allocatable per node), which NodeResourcesFit counts.
// Target: >= 2,000 pods/s and peak RSS <= 1 GiB. The rate is judged on CPU time (user + system of
// the process, so GC threads count too): on a shared machine the wall clock measures the neighbours,
// and one JS thread never schedules faster by wall clock than its CPU time allows. Wall-clock rates
// and the load average are printed beside it.

import { loadavg } from 'node:os';
import type { DeviceClass, Node, Pod, PodGroup, ResourceClaimTemplate, ResourceSlice } from '@kubectl-workload/api';
import { Simulation, simulationInput } from '@kubectl-workload/simulator';
import { benchNodeName, benchNodes, benchPod } from './objects.ts';

const NODES = 2000;
const DEVICES_PER_NODE = 8;
const PODS = 1000;
const TARGET_PODS_PER_SECOND = 2000;
const DRIVER = 'gpu.example.com';

const nodes = (extended: boolean): Node[] =>
  benchNodes(NODES, { cpu: '64', memory: '512Gi', pods: '110', ...(extended ? { 'example.com/gpu': String(DEVICES_PER_NODE) } : {}) });

function slice(i: number): ResourceSlice {
  const node = benchNodeName(i);
  return {
    apiVersion: 'resource.k8s.io/v1',
    kind: 'ResourceSlice',
    metadata: { name: `${node}-gpus` },
    spec: {
      driver: DRIVER,
      nodeName: node,
      pool: { name: node, generation: 1, resourceSliceCount: 1 },
      devices: Array.from({ length: DEVICES_PER_NODE }, (_, d) => ({
        name: `gpu-${d}`,
        attributes: { model: { string: 'h100' }, index: { int: d } },
      })),
    },
  };
}

const deviceClass: DeviceClass = {
  apiVersion: 'resource.k8s.io/v1',
  kind: 'DeviceClass',
  metadata: { name: 'gpu' },
  spec: { selectors: [{ cel: { expression: `device.driver == '${DRIVER}'` } }] },
};

const template: ResourceClaimTemplate = {
  apiVersion: 'resource.k8s.io/v1',
  kind: 'ResourceClaimTemplate',
  metadata: { name: 'one-gpu', namespace: 'bench' },
  spec: {
    spec: {
      devices: {
        requests: [
          {
            name: 'gpu',
            exactly: { deviceClassName: 'gpu', selectors: [{ cel: { expression: `device.attributes['${DRIVER}'].model == 'h100'` } }] },
          },
        ],
      },
    },
  },
};

const gang: PodGroup = {
  apiVersion: 'scheduling.k8s.io/v1alpha2',
  kind: 'PodGroup',
  metadata: { name: 'gang', namespace: 'bench' },
  spec: { schedulingPolicy: { gang: { minCount: PODS } } },
};

function pods(extended: boolean): Pod[] {
  return Array.from({ length: PODS }, (_, i) =>
    benchPod(
      `g-${i}`,
      i,
      { cpu: '1', memory: '1Gi', ...(extended ? { 'example.com/gpu': '1' } : {}) },
      {
        schedulingGroup: { podGroupName: 'gang' },
        ...(extended ? {} : { resourceClaims: [{ name: 'gpu', resourceClaimTemplateName: 'one-gpu' }] }),
      },
    ),
  );
}

interface Measured {
  /** Seconds to build the Simulation (cluster state, device inventory), wall and CPU. */
  setupWall: number;
  setupCpu: number;
  /** Pods per second of scheduling, by wall clock and by CPU time. */
  wallRate: number;
  cpuRate: number;
  scheduled: number;
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

function run(extended: boolean): Measured {
  const objects = extended
    ? [...nodes(true), ...pods(true), gang]
    : [...nodes(false), ...Array.from({ length: NODES }, (_, i) => slice(i)), deviceClass, template, ...pods(false), gang];
  const input = simulationInput(objects);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const sim = new Simulation(input, { now: '2026-01-01T00:00:00Z', diagnose: false });
  const built = performance.now();
  const setupCpu = cpuSeconds(cpuStart);
  const cpuBuilt = process.cpuUsage();
  const result = sim.runToQuiescence();
  const cpu = cpuSeconds(cpuBuilt);
  const wall = (performance.now() - built) / 1000;
  return {
    setupWall: (built - start) / 1000,
    setupCpu,
    wallRate: PODS / wall,
    cpuRate: PODS / cpu,
    scheduled: result.pods.filter((p) => p.outcome === 'Scheduled').length,
  };
}

const dra = run(false);
const rssMiB = process.resourceUsage().maxRSS / 1024;
const base = run(true);
const load = loadavg()
  .map((l) => l.toFixed(2))
  .join(' ');
console.log(
  `DRA gang ${PODS} pods x 1 GPU claim, ${NODES} nodes x ${DEVICES_PER_NODE} devices: ` +
    `setup ${dra.setupWall.toFixed(2)} s wall, ${dra.setupCpu.toFixed(2)} s CPU; ` +
    `${dra.scheduled} scheduled at ${Math.round(dra.cpuRate)} pods per CPU-second (target >= ${TARGET_PODS_PER_SECOND}: ${dra.cpuRate >= TARGET_PODS_PER_SECOND ? 'met' : 'MISSED'}), ` +
    `${Math.round(dra.wallRate)} pods/s wall; ` +
    `baseline extended-resource gang ${base.scheduled} scheduled at ${Math.round(base.cpuRate)} pods per CPU-second (${Math.round(base.wallRate)} pods/s wall), ` +
    `ratio ${(dra.cpuRate / base.cpuRate).toFixed(2)} by CPU time; ` +
    `peak RSS ${rssMiB.toFixed(0)} MiB (target <= 1024: ${rssMiB <= 1024 ? 'met' : 'MISSED'}); load average ${load}`,
);
if (dra.scheduled !== PODS || dra.cpuRate < TARGET_PODS_PER_SECOND || rssMiB > 1024) process.exitCode = 1;
