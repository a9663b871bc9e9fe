// DynamicResources throughput: run with the repo's Node 24 after `npm run build`:
//   node test/bench/simulator/dra-bench.ts
// A gang of 1,000 pods, each claiming one GPU through a ResourceClaimTemplate (a DeviceClass with a
// CEL selector on the driver and a request selector on a device attribute), on 2,000 nodes that each
// publish 8 GPUs in a node-local ResourceSlice. Scheduling time is measured after the Simulation is
// built (setup printed separately). Baseline in the same run: the same gang asking for the GPU as an
// extended resource (`example.com/gpu: 1`, 8 allocatable per node), which NodeResourcesFit counts.
// Target: >= 2,000 pods/s and peak RSS <= 1 GiB.

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

function run(extended: boolean): { setup: number; rate: number; scheduled: number } {
  const objects = extended
    ? [...nodes(true), ...pods(true), gang]
    : [...nodes(false), ...Array.from({ length: NODES }, (_, i) => slice(i)), deviceClass, template, ...pods(false), gang];
  const input = simulationInput(objects);
  const start = performance.now();
  const sim = new Simulation(input, { now: '2026-01-01T00:00:00Z', diagnose: false });
  const built = performance.now();
  const result = sim.runToQuiescence();
  const seconds = (performance.now() - built) / 1000;
  return { setup: (built - start) / 1000, rate: PODS / seconds, scheduled: result.pods.filter((p) => p.outcome === 'Scheduled').length };
}

const dra = run(false);
const rssMiB = process.resourceUsage().maxRSS / 1024;
const base = run(true);
console.log(
  `DRA gang ${PODS} pods x 1 GPU claim, ${NODES} nodes x ${DEVICES_PER_NODE} devices: setup ${dra.setup.toFixed(2)} s; ` +
    `${dra.scheduled} scheduled at ${Math.round(dra.rate)} pods/s (target >= ${TARGET_PODS_PER_SECOND}: ${dra.rate >= TARGET_PODS_PER_SECOND ? 'met' : 'MISSED'}); ` +
    `baseline extended-resource gang ${base.scheduled} scheduled at ${Math.round(base.rate)} pods/s, ratio ${(dra.rate / base.rate).toFixed(2)}; ` +
    `peak RSS ${rssMiB.toFixed(0)} MiB (target <= 1024: ${rssMiB <= 1024 ? 'met' : 'MISSED'})`,
);
if (dra.scheduled !== PODS || dra.rate < TARGET_PODS_PER_SECOND || rssMiB > 1024) process.exitCode = 1;
