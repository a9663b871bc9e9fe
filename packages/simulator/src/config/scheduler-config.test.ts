import type { Node, Pod } from '@kubectl-workload/api';
import { simulationInput } from '../input.js';
import { Simulation } from '../simulation.js';
import { node, pod } from '../test-support/builders.js';
import { SchedulerConfigError } from './reader.js';
import { schedulerConfiguration, type SchedulerConfiguration } from './scheduler-config.js';

const config = (profiles: unknown[], extra: Record<string, unknown> = {}) => ({
  apiVersion: 'kubescheduler.config.k8s.io/v1',
  kind: 'KubeSchedulerConfiguration',
  profiles,
  ...extra,
});
const fitArgs = (scoringStrategy: unknown) => [{ name: 'NodeResourcesFit', args: { scoringStrategy } }];

/** st.MakePod().Req({cpu: 1000, memory: 2000}).Req({cpu: 2000, memory: 3000}) of the upstream tests. */
const requester = (name: string, schedulerName?: string): Pod =>
  pod(name, {
    ...(schedulerName ? { schedulerName } : {}),
    containers: [
      { name: 'a', resources: { requests: { cpu: '1000', memory: '2000' } } },
      { name: 'b', resources: { requests: { cpu: '2000', memory: '3000' } } },
    ],
  });
const sized = (name: string, cpu: string, memory: string, extra: Record<string, string> = {}): Node => ({
  ...node(name),
  status: { allocatable: { cpu, memory, pods: '110', ...extra } },
});

/** NodeResourcesFit's weighted score per node for `p` alone on `nodes`, under `doc`. */
function fitScores(doc: unknown, nodes: Node[], p: Pod, bound: Pod[] = []): Record<string, number | undefined> {
  const { profiles } = schedulerConfiguration(doc, 'sched.yaml');
  const result = new Simulation(simulationInput([...nodes, ...bound, p]), {
    profiles,
    trace: true,
    now: '2026-05-01T00:00:00Z',
  }).runToQuiescence();
  const trace = result.pods.find((r) => r.name === p.metadata?.name)?.trace;
  return Object.fromEntries(nodes.map((n) => [n.metadata?.name, trace?.finalScore[n.metadata?.name ?? '']?.NodeResourcesFit]));
}

describe('KubeSchedulerConfiguration: NodeResourcesFit scoring strategies (exact upstream scores)', () => {
  const differentlySized = [sized('node1', '4000', '10000'), sized('node2', '6000', '10000')];

  it('LeastAllocated with default resources: least_allocated_test "nothing scheduled, resources requested, differently sized nodes" (cpu 25/50, memory 50 → 37, 50)', () => {
    expect(fitScores(config([{ pluginConfig: fitArgs({ type: 'LeastAllocated' }) }]), differentlySized, requester('p'))).toEqual({
      node1: 37,
      node2: 50,
    });
  });

  it('MostAllocated with memory weight 2: most_allocated_test "nothing scheduled, resources requested, differently sized nodes" → 58, 50', () => {
    const strategy = {
      type: 'MostAllocated',
      resources: [
        { name: 'memory', weight: 2 },
        { name: 'cpu', weight: 1 },
      ],
    };
    expect(fitScores(config([{ pluginConfig: fitArgs(strategy) }]), differentlySized, requester('p'))).toEqual({ node1: 58, node2: 50 });
  });

  it('MostAllocated counts an extended resource only when the pod asks for it: most_allocated_test "honor extended resource" → 50, 40', () => {
    const strategy = {
      type: 'MostAllocated',
      resources: [
        { name: 'cpu', weight: 1 },
        { name: 'memory', weight: 1 },
        { name: 'example.com/xyz', weight: 1 },
      ],
    };
    const nodes = [
      sized('node1', '6000', '10000', { 'example.com/xyz': '4' }),
      sized('node2', '6000', '10000', { 'example.com/xyz': '10' }),
    ];
    const asking = pod('p', {
      containers: [{ name: 'a', resources: { requests: { cpu: '3000', memory: '5000', 'example.com/xyz': '2' } } }],
    });
    expect(fitScores(config([{ pluginConfig: fitArgs(strategy) }]), nodes, asking)).toEqual({ node1: 50, node2: 40 });
    expect(fitScores(config([{ pluginConfig: fitArgs(strategy) }]), nodes, requester('q'))).toEqual({ node1: 50, node2: 50 });
  });

  it('RequestedToCapacityRatio, shape (0,10)→(100,0): requested_to_capacity_ratio_test → 38, 50 (the mean is rounded)', () => {
    const strategy = {
      type: 'RequestedToCapacityRatio',
      requestedToCapacityRatio: {
        shape: [
          { utilization: 0, score: 10 },
          { utilization: 100, score: 0 },
        ],
      },
    };
    const empty = (name: string) => pod(name, { nodeName: 'node1', containers: [] });
    expect(fitScores(config([{ pluginConfig: fitArgs(strategy) }]), differentlySized, requester('p'), [empty('e1'), empty('e2')])).toEqual({
      node1: 38,
      node2: 50,
    });
  });

  it('two profiles: each pod is scored by the profile its schedulerName names; a pod naming no profile is never queued', () => {
    const doc = config([
      {
        schedulerName: 'default-scheduler',
        pluginConfig: fitArgs({
          type: 'MostAllocated',
          resources: [
            { name: 'memory', weight: 2 },
            { name: 'cpu', weight: 1 },
          ],
        }),
      },
      {
        schedulerName: 'ratio',
        pluginConfig: fitArgs({
          type: 'RequestedToCapacityRatio',
          requestedToCapacityRatio: {
            shape: [
              { utilization: 0, score: 10 },
              { utilization: 100, score: 0 },
            ],
          },
        }),
      },
    ]);
    expect(fitScores(doc, differentlySized, requester('p'))).toEqual({ node1: 58, node2: 50 });
    expect(fitScores(doc, differentlySized, requester('q', 'ratio'))).toEqual({ node1: 38, node2: 50 });
    const { profiles } = schedulerConfiguration(doc, 'sched.yaml');
    const result = new Simulation(simulationInput([...differentlySized, requester('r', 'elsewhere')]), { profiles }).runToQuiescence();
    expect(result.pods[0]).toMatchObject({
      outcome: 'Gated',
      message: 'no scheduler profile has schedulerName "elsewhere": kube-scheduler never queues this pod (another scheduler must bind it)',
    });
  });
});

describe('KubeSchedulerConfiguration: plugins', () => {
  it('disabling every score plugin and enabling one with a weight leaves only that score; weight 0 means 1', () => {
    const doc = (weight: number) =>
      config([{ plugins: { score: { disabled: [{ name: '*' }], enabled: [{ name: 'NodeResourcesFit', weight }] } } }]);
    const { profiles } = schedulerConfiguration(doc(5), 'sched.yaml');
    expect(profiles[0]?.weights).toEqual({
      TaintToleration: 0,
      NodeAffinity: 0,
      NodeResourcesFit: 5,
      PodTopologySpread: 0,
      InterPodAffinity: 0,
      NodeResourcesBalancedAllocation: 0,
      ImageLocality: 0,
    });
    expect(schedulerConfiguration(doc(0), 'sched.yaml').profiles[0]?.weights.NodeResourcesFit).toBe(1);
    const small = pod('p', { containers: [{ name: 'a', resources: { requests: { cpu: '1' } } }] });
    const result = new Simulation(simulationInput([sized('n1', '4', '8Gi'), sized('n2', '4', '8Gi'), small]), {
      profiles,
      trace: true,
    }).runToQuiescence();
    expect(Object.keys(result.pods[0]?.trace?.finalScore.n1 ?? {})).toEqual(['NodeResourcesFit']);
  });

  it('SchedulingGates is on by default and off when preEnqueue or multiPoint disables it', () => {
    const gated = pod('p', { schedulingGates: [{ name: 'example.com/hold' }] });
    const run = (profiles?: SchedulerConfiguration['profiles']) =>
      new Simulation(simulationInput([node('n1'), gated]), profiles ? { profiles } : {}).runToQuiescence().pods[0]?.outcome;
    expect(run()).toBe('Gated');
    for (const point of ['preEnqueue', 'multiPoint']) {
      const { profiles } = schedulerConfiguration(
        config([{ plugins: { [point]: { disabled: [{ name: 'SchedulingGates' }] } } }]),
        'sched.yaml',
      );
      expect(profiles[0]?.preEnqueue).toEqual([]);
      expect(run(profiles)).toBe('Scheduled');
    }
  });

  it('a disabled filter no longer rejects nodes', () => {
    const tainted = { ...node('n1'), spec: { taints: [{ key: 'k', effect: 'NoSchedule' as const }] } };
    const { profiles } = schedulerConfiguration(
      config([{ plugins: { filter: { disabled: [{ name: 'TaintToleration' }] } } }]),
      'sched.yaml',
    );
    expect(profiles[0]?.filters).not.toContain('TaintToleration');
    expect(new Simulation(simulationInput([tainted, pod('p')]), { profiles }).runToQuiescence().pods[0]?.outcome).toBe('Scheduled');
    expect(new Simulation(simulationInput([tainted, pod('p')])).runToQuiescence().pods[0]?.outcome).toBe('Unschedulable');
  });

  it("hardPodAffinityWeight 0 drops existing pods' required affinity from scoring", () => {
    const { profiles } = schedulerConfiguration(
      config([{ pluginConfig: [{ name: 'InterPodAffinity', args: { hardPodAffinityWeight: 0 } }] }]),
      'sched.yaml',
    );
    expect(profiles[0]?.hardPodAffinityWeight).toBe(0);
    const affinity = {
      podAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'h', labelSelector: { matchLabels: { app: 'web' } } }],
      },
    };
    const nodes = [node('n1', {}, { labels: { h: '1' } }), node('n2', {}, { labels: { h: '2' } })];
    const db = pod('db', { nodeName: 'n2', affinity }, { labels: { app: 'db' } });
    const web = pod('web', {}, { labels: { app: 'web' } });
    const score = (opts: object) =>
      new Simulation(simulationInput([...nodes, db, web]), { ...opts, trace: true }).runToQuiescence().pods[0]?.trace?.finalScore.n2
        ?.InterPodAffinity;
    expect(score({})).toBe(200);
    expect(score({ profiles })).toBe(0);
  });

  it('percentageOfNodesToScore is accepted and reported as not modelled', () => {
    expect(
      schedulerConfiguration(config([{ percentageOfNodesToScore: 50 }], { percentageOfNodesToScore: 30 }), 'sched.yaml').notes,
    ).toEqual([
      'percentageOfNodesToScore: not modelled, every node is evaluated',
      'profiles[0].percentageOfNodesToScore: not modelled, every node is evaluated',
    ]);
  });
});

describe('KubeSchedulerConfiguration: errors name the file, the field and what is allowed', () => {
  const error = (doc: unknown) => {
    try {
      schedulerConfiguration(doc, 'sched.yaml');
    } catch (err) {
      expect(err).toBeInstanceOf(SchedulerConfigError);
      return (err as Error).message;
    }
    throw new Error('no error');
  };

  it('unknown plugin', () => {
    expect(error(config([{ plugins: { score: { enabled: [{ name: 'NodeResourcesFitt' }] } } }]))).toMatch(
      /^sched\.yaml: profiles\[0\]\.plugins\.score\.enabled\[0\]\.name: Unsupported value: "NodeResourcesFitt": supported values: "PrioritySort", .*"NodeResourcesFit"/,
    );
  });

  it('unknown field', () => {
    expect(error(config([{ schedulerName: 'a', plugin: {} }]))).toBe(
      'sched.yaml: profiles[0].plugin: unknown field; allowed: schedulerName, percentageOfNodesToScore, plugins, pluginConfig',
    );
  });

  it('wrong type, out-of-range weight and unsupported strategy', () => {
    expect(error(config([{ plugins: { score: { enabled: [{ name: 'ImageLocality', weight: 'high' }] } } }]))).toBe(
      'sched.yaml: profiles[0].plugins.score.enabled[0].weight: Invalid type: expected an integer, got string "high"',
    );
    expect(error(config([{ pluginConfig: fitArgs({ type: 'MostAllocated', resources: [{ name: 'cpu', weight: 0 }] }) }]))).toBe(
      'sched.yaml: profiles[0].pluginConfig[0].args.scoringStrategy.resources[0].weight: Invalid value: 0: resource weight of cpu not in valid range [1, 100]',
    );
    expect(error(config([{ pluginConfig: fitArgs({ type: 'BinPack' }) }]))).toBe(
      'sched.yaml: profiles[0].pluginConfig[0].args.scoringStrategy.type: Unsupported value: "BinPack": supported values: "LeastAllocated", "MostAllocated", "RequestedToCapacityRatio"',
    );
  });

  it('wrong apiVersion and duplicate profiles', () => {
    expect(error({ apiVersion: 'kubescheduler.config.k8s.io/v1beta3', kind: 'KubeSchedulerConfiguration' })).toBe(
      'sched.yaml: apiVersion: Unsupported value: "kubescheduler.config.k8s.io/v1beta3": supported values: "kubescheduler.config.k8s.io/v1"',
    );
    expect(error(config([{}, {}]))).toBe('sched.yaml: profiles[1].schedulerName: Duplicate value: "default-scheduler"');
  });
});
