import { attempt, cpuPod, info, node, pod, setup } from './test-support/builders.js';

describe('PodScheduler filters', () => {
  it('NodeUnschedulable passes a pod that tolerates node.kubernetes.io/unschedulable', () => {
    const { scheduler } = setup([node('n1', {}, { spec: { unschedulable: true } })]);
    expect(attempt(scheduler, pod('p')).fitError?.message).toBe('0/1 nodes are available: 1 node(s) were unschedulable.');
    expect(attempt(scheduler, pod('q', { tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] })).nodeName).toBe('n1');
  });

  it('NodeName rejects other nodes as UnschedulableAndUnresolvable', () => {
    const { scheduler } = setup([node('n1'), node('n2')]);
    const result = attempt(scheduler, pod('p', { nodeName: 'n2' }));
    expect(result.nodeName).toBe('n2');
    expect(attempt(scheduler, pod('q', { nodeName: 'gone' })).fitError?.statuses.get('n1')).toEqual({
      plugin: 'NodeName',
      code: 'UnschedulableAndUnresolvable',
      reasons: ["node(s) didn't match the requested node name"],
    });
  });

  it('TaintToleration filters NoSchedule and NoExecute but not PreferNoSchedule', () => {
    const { scheduler } = setup([
      node('a', {}, { spec: { taints: [{ key: 'k', effect: 'NoExecute' }] } }),
      node('b', {}, { spec: { taints: [{ key: 'k', effect: 'PreferNoSchedule' }] } }),
    ]);
    const result = attempt(scheduler, pod('p'));
    expect(result.nodeName).toBe('b');
    expect(result.feasibleNodes).toBe(1);
  });

  it('NodeAffinity combines nodeSelector and required terms (terms ORed)', () => {
    const { scheduler } = setup([node('a', {}, { labels: { disk: 'ssd', zone: 'z1' } }), node('b', {}, { labels: { disk: 'ssd', zone: 'z2' } }), node('c', {}, { labels: { zone: 'z1' } })]);
    const affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['z1'] }] }, { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['c'] }] }] } } };
    const result = attempt(scheduler, pod('p', { nodeSelector: { disk: 'ssd' }, affinity }));
    expect(result.nodeName).toBe('a');
    expect(result.feasibleNodes).toBe(1);
  });

  it('NodePorts: same protocol and port conflict unless both host IPs are specific and differ', () => {
    const used = pod('u', { nodeName: 'n1', containers: [{ name: 'c', ports: [{ containerPort: 1, hostPort: 80, hostIP: '10.0.0.1' }] }] });
    const { scheduler } = setup([node('n1')], [used]);
    const port = (hostIP: string | undefined, protocol = 'TCP') => pod('p', { containers: [{ name: 'c', ports: [{ containerPort: 1, hostPort: 80, protocol, ...(hostIP ? { hostIP } : {}) }] }] });
    expect(attempt(scheduler, port(undefined)).fitError?.message).toBe("0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports.");
    expect(attempt(scheduler, port('10.0.0.1')).nodeName).toBeUndefined();
    expect(attempt(scheduler, port('10.0.0.2')).nodeName).toBe('n1');
    expect(attempt(scheduler, port(undefined, 'UDP')).nodeName).toBe('n1');
  });

  it('NodeResourcesFit: Too many pods first, one reason per short resource, unresolvable beyond allocatable', () => {
    const { scheduler } = setup([node('n1', { cpu: '2', pods: '1', 'example.com/fpga': '1' })], [cpuPod('u', '1', { nodeName: 'n1' })]);
    const status = attempt(scheduler, pod('p', { containers: [{ name: 'c', resources: { requests: { cpu: '2', 'example.com/fpga': '2' } } }] })).fitError?.statuses.get('n1');
    expect(status).toEqual({ plugin: 'NodeResourcesFit', code: 'UnschedulableAndUnresolvable', reasons: ['Too many pods', 'Insufficient cpu', 'Insufficient example.com/fpga'] });
    const { scheduler: s2 } = setup([node('n1', { cpu: '2' })], [cpuPod('u', '1', { nodeName: 'n1' })]);
    expect(attempt(s2, cpuPod('p', '2')).fitError?.statuses.get('n1')?.code).toBe('Unschedulable');
  });

  it('an extended resource no node offers is Insufficient everywhere', () => {
    const { scheduler } = setup([node('n1'), node('n2')], [], [pod('p', { containers: [{ name: 'c', resources: { requests: { 'nvidia.com/gpu': '1' } } }] })]);
    expect(attempt(scheduler, pod('p', { containers: [{ name: 'c', resources: { requests: { 'nvidia.com/gpu': '1' } } }] })).fitError?.message).toBe(
      '0/2 nodes are available: 2 Insufficient nvidia.com/gpu.',
    );
  });

  it('re-evaluates a cached node after a pod lands on it', () => {
    const { cluster, scheduler } = setup([node('n1', { cpu: '2' }), node('n2', { cpu: '2' })]);
    const first = info(cpuPod('a', '2'));
    const r1 = scheduler.schedule(first, cluster.requestVector(first));
    cluster.add(first, r1.node as number, cluster.requestVector(first));
    const second = info(cpuPod('b', '2'));
    const r2 = scheduler.schedule(second, cluster.requestVector(second));
    expect([r1.nodeName, r2.nodeName].sort()).toEqual(['n1', 'n2']);
    cluster.add(second, r2.node as number, cluster.requestVector(second));
    const third = info(cpuPod('c', '2'));
    expect(scheduler.schedule(third, cluster.requestVector(third)).fitError?.message).toBe('0/2 nodes are available: 2 Insufficient cpu.');
  });
});

describe('PodScheduler scores', () => {
  it('TaintToleration: fewest untolerated PreferNoSchedule taints scores 100, weight 3', () => {
    const prefer = (n: number) => ({ spec: { taints: Array.from({ length: n }, (_, i) => ({ key: `t${i}`, effect: 'PreferNoSchedule' })) } });
    const { scheduler } = setup([node('a', {}, prefer(0)), node('b', {}, prefer(1)), node('c', {}, prefer(2))]);
    const { trace, nodeName } = attempt(scheduler, pod('p'), true);
    expect(nodeName).toBe('a');
    expect([trace?.finalScore.a?.TaintToleration, trace?.finalScore.b?.TaintToleration, trace?.finalScore.c?.TaintToleration]).toEqual([300, 150, 0]);
  });

  it('NodeAffinity: preferred weights normalised to the best node, weight 2; absent without preferred terms', () => {
    const { scheduler } = setup([node('a', {}, { labels: { x: '1', y: '1' } }), node('b', {}, { labels: { y: '1' } })]);
    const preferred = [
      { weight: 10, preference: { matchExpressions: [{ key: 'x', operator: 'Exists' }] } },
      { weight: 10, preference: { matchExpressions: [{ key: 'y', operator: 'Exists' }] } },
    ];
    const { trace } = attempt(scheduler, pod('p', { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: preferred } } }), true);
    expect(trace?.finalScore.a?.NodeAffinity).toBe(200);
    expect(trace?.finalScore.b?.NodeAffinity).toBe(100);
    expect(attempt(scheduler, pod('q'), true).trace?.finalScore.a?.NodeAffinity).toBeUndefined();
  });

  it('NodeResourcesFit prefers the emptier node; BalancedAllocation is skipped for best-effort pods', () => {
    const { scheduler } = setup([node('busy'), node('idle')], [cpuPod('u', '2', { nodeName: 'busy' })]);
    const { trace, nodeName } = attempt(scheduler, cpuPod('p', '1'), true);
    expect(nodeName).toBe('idle');
    // idle: cpu (4000 − 1000) → 75, memory 8Gi − 200Mi non-zero default → 97; mean 86.
    expect(trace?.finalScore.idle?.NodeResourcesFit).toBe(86);
    // busy: cpu (4000 − 3000) → 25, memory 8Gi − 2 × 200Mi → 95; mean 60.
    expect(trace?.finalScore.busy?.NodeResourcesFit).toBe(60);
    expect(attempt(scheduler, pod('be'), true).trace?.finalScore.idle?.NodeResourcesBalancedAllocation).toBeUndefined();
  });

  it('PodTopologySpread ScheduleAnyway favours the domain with fewer matching pods', () => {
    const { scheduler } = setup(
      [node('a1', {}, { labels: { zone: 'a' } }), node('b1', {}, { labels: { zone: 'b' } })],
      [pod('w1', { nodeName: 'a1' }, { labels: { app: 'w' } }), pod('w2', { nodeName: 'a1' }, { labels: { app: 'w' } })],
    );
    const spread = [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'w' } } }];
    const { trace, nodeName } = attempt(scheduler, pod('p', { topologySpreadConstraints: spread }, { labels: { app: 'w' } }), true);
    expect(nodeName).toBe('b1');
    expect(trace?.finalScore.a1?.PodTopologySpread).toBe(0);
    expect(trace?.finalScore.b1?.PodTopologySpread).toBe(200);
  });

  it('InterPodAffinity preferred terms pull toward matching pods, min-max normalised, weight 2', () => {
    const { scheduler } = setup([node('n1', {}, { labels: { h: '1' } }), node('n2', {}, { labels: { h: '2' } })], [pod('db', { nodeName: 'n2' }, { labels: { app: 'db' } })]);
    const affinity = { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 50, podAffinityTerm: { topologyKey: 'h', labelSelector: { matchLabels: { app: 'db' } } } }] } };
    const { trace, nodeName } = attempt(scheduler, pod('p', { affinity }), true);
    expect(nodeName).toBe('n2');
    expect(trace?.finalScore.n2?.InterPodAffinity).toBe(200);
    expect(trace?.finalScore.n1?.InterPodAffinity).toBe(0);
  });

  it('reports a tie and takes the first node by name', () => {
    const { scheduler } = setup([node('b'), node('a'), node('c')]);
    const result = attempt(scheduler, cpuPod('p', '1'));
    expect(result.nodeName).toBe('a');
    expect(result.tie).toEqual({ score: result.score, count: 3, nodes: ['a', 'b', 'c'] });
  });

  it('records the filter trace up to the first failing plugin', () => {
    const { scheduler } = setup([node('small', { cpu: '1' }), node('big')]);
    const { trace } = attempt(scheduler, cpuPod('p', '2'), true);
    expect(trace?.filter.small).toEqual({ NodeUnschedulable: 'passed', NodeName: 'passed', TaintToleration: 'passed', NodeAffinity: 'passed', NodePorts: 'passed', NodeResourcesFit: 'Insufficient cpu' });
    expect(trace?.filter.big?.InterPodAffinity).toBe('passed');
  });
});

describe('PodScheduler fast paths', () => {
  it('the cached one-pass path and the traced general path choose the same nodes, scores and ties', () => {
    const nodes = Array.from({ length: 12 }, (_, i) => node(`n${String(i).padStart(2, '0')}`, { cpu: String(2 + (i % 3)), memory: `${4 + (i % 4)}Gi` }));
    const sizes = ['500m', '1', '250m', '2', '750m'];
    const runs = [false, true].map((trace) => {
      const { cluster, scheduler } = setup(nodes);
      const out: string[] = [];
      for (let k = 0; k < 40; k++) {
        const p = info(pod(`p${k}`, { containers: [{ name: 'c', resources: { requests: { cpu: sizes[k % sizes.length] as string, memory: `${(k % 3) * 256}Mi` } } }] }));
        const vector = cluster.requestVector(p);
        const r = scheduler.schedule(p, vector, scheduler.allNodes, { trace });
        out.push(`${r.nodeName ?? r.fitError?.message} ${r.feasibleNodes === 1 ? 'single' : r.score} ${r.tie?.count ?? 0}`);
        if (r.node !== undefined) cluster.add(p, r.node, vector);
      }
      return out;
    });
    expect(runs[0]).toEqual(runs[1]);
    expect(runs[0]?.some((line) => line.startsWith('0/12 nodes are available'))).toBe(true);
  });
});

