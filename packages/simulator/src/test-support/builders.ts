// Small object builders for simulator unit tests.

import type { Node, Pod, PodGroup, PodSpec } from '@kubectl-workload/api';
import { SchedulerCache } from '../cluster.js';
import { DraState, type DraObjects } from '../plugins/dynamic-resources.js';
import { StaticResultsCache } from '../static-results.js';
import { podInfo, type PodInfo } from '../pod-info.js';
import { PodScheduler } from '../schedule-pod.js';

export function node(
  name: string,
  allocatable: Record<string, string> = {},
  extra: Partial<Node> & { labels?: Record<string, string> } = {},
): Node {
  const { labels, ...rest } = extra;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: labels ?? {} },
    status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110', ...allocatable } },
    ...rest,
  };
}

export function pod(
  name: string,
  spec: PodSpec = {},
  meta: { labels?: Record<string, string>; namespace?: string; creationTimestamp?: string } = {},
): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: meta.namespace ?? 'default',
      labels: meta.labels ?? {},
      ...(meta.creationTimestamp ? { creationTimestamp: meta.creationTimestamp } : {}),
    },
    spec: { containers: [{ name: 'c' }], ...spec },
  };
}

export function cpuPod(name: string, cpu: string, spec: PodSpec = {}): Pod {
  return pod(name, { containers: [{ name: 'c', resources: { requests: { cpu } } }], ...spec });
}

export function gang(name: string, minCount: number, topologyKey?: string): PodGroup {
  return {
    apiVersion: 'scheduling.k8s.io/v1alpha2',
    kind: 'PodGroup',
    metadata: { name, namespace: 'default' },
    spec: {
      schedulingPolicy: { gang: { minCount } },
      ...(topologyKey ? { schedulingConstraints: { topology: [{ key: topologyKey }] } } : {}),
    },
  };
}

export function info(p: Pod): PodInfo {
  return podInfo(p, new Map(), 0);
}

/** A cluster with `bound` pods placed on the nodes their spec.nodeName names, and a scheduler over it. */
export function setup(
  nodes: Node[],
  bound: Pod[] = [],
  pending: Pod[] = [],
  dra?: Partial<DraObjects> & { podGroups?: PodGroup[] },
): { cluster: SchedulerCache; scheduler: PodScheduler } {
  const dims = new Set<string>();
  for (const p of [...bound, ...pending]) for (const name of info(p).requests.keys()) dims.add(name);
  const cluster = new SchedulerCache(nodes, dims);
  for (const p of bound) {
    const i = info(p);
    cluster.add(i, cluster.nodeIndex.get(p.spec?.nodeName ?? '') as number, cluster.requestVector(i));
  }
  if (dra) {
    const groups = new Map((dra.podGroups ?? []).map((g) => [`${g.metadata?.namespace ?? 'default'}/${g.metadata?.name ?? ''}`, g]));
    cluster.dra = new DraState(
      { resourceClaims: [], resourceClaimTemplates: [], deviceClasses: [], resourceSlices: [], ...dra },
      groups,
      true,
    );
  }
  return { cluster, scheduler: new PodScheduler(cluster, new StaticResultsCache(cluster)) };
}

/** Schedules `p` over all nodes of `scheduler`. */
export function attempt(scheduler: PodScheduler, p: Pod, trace = false) {
  const i = info(p);
  return scheduler.schedule(i, scheduler.cluster.requestVector(i), scheduler.allNodes, { trace });
}
