import { attempt, cpuPod, info, node, pod, setup } from './test-support/builders.js';

describe('PodScheduler filters', () => {
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
  it('reports a tie and takes the first node by name', () => {
    const { scheduler } = setup([node('b'), node('a'), node('c')]);
    const result = attempt(scheduler, cpuPod('p', '1'));
    expect(result.nodeName).toBe('a');
    expect(result.tie).toEqual({ score: result.score, count: 3, nodes: ['a', 'b', 'c'] });
  });

  it('records the filter trace up to the first failing plugin', () => {
    const { scheduler } = setup([node('small', { cpu: '1' }), node('big')]);
    const { trace } = attempt(scheduler, cpuPod('p', '2'), true);
    expect(trace?.filter.small).toEqual({
      NodeUnschedulable: 'passed',
      NodeName: 'passed',
      TaintToleration: 'passed',
      NodeAffinity: 'passed',
      NodePorts: 'passed',
      NodeResourcesFit: 'Insufficient cpu',
    });
    expect(trace?.filter.big?.InterPodAffinity).toBe('passed');
  });
});

describe('PodScheduler fast paths', () => {
  it('the cached one-pass path and the traced general path choose the same nodes, scores and ties', () => {
    const nodes = Array.from({ length: 12 }, (_, i) =>
      node(`n${String(i).padStart(2, '0')}`, { cpu: String(2 + (i % 3)), memory: `${4 + (i % 4)}Gi` }),
    );
    const sizes = ['500m', '1', '250m', '2', '750m'];
    const runs = [false, true].map((trace) => {
      const { cluster, scheduler } = setup(nodes);
      const out: string[] = [];
      for (let k = 0; k < 40; k++) {
        const p = info(
          pod(`p${k}`, {
            containers: [{ name: 'c', resources: { requests: { cpu: sizes[k % sizes.length] as string, memory: `${(k % 3) * 256}Mi` } } }],
          }),
        );
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
