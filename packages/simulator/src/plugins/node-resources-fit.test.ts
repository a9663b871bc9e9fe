import { attempt, cpuPod, node, pod, setup } from '../test-support/builders.js';
import { DEFAULT_RESOURCES, NAME, resourceScorer } from './node-resources-fit.js';

const GI = 2 ** 30;
const leastAllocated = (allocCpu: number, reqCpu: number, allocMem: number, reqMem: number) =>
  resourceScorer({ type: 'LeastAllocated', resources: DEFAULT_RESOURCES })([reqCpu, reqMem], [allocCpu, allocMem]);
const mostAllocated = (allocCpu: number, reqCpu: number, allocMem: number, reqMem: number) =>
  resourceScorer({ type: 'MostAllocated', resources: DEFAULT_RESOURCES })([reqCpu, reqMem], [allocCpu, allocMem]);

describe('NodeResourcesFit scoring strategies', () => {
  it('LeastAllocated: integer ((alloc - req) * 100) / alloc per resource, then the integer mean', () => {
    expect(leastAllocated(4000, 1000, 8 * GI, 2 * GI)).toBe(75);
    expect(leastAllocated(3000, 1000, 8 * GI, 0)).toBe(83); // (66 + 100) / 2
    expect(leastAllocated(1000, 2000, 8 * GI, 0)).toBe(50); // over-requested cpu scores 0
    expect(leastAllocated(0, 100, 8 * GI, 4 * GI)).toBe(50); // alloc 0 is skipped
  });

  it('MostAllocated: (req * 100) / alloc per resource', () => {
    expect(mostAllocated(4000, 3000, 16 * GI, 600 * 2 ** 20)).toBe(39); // (75 + 3) / 2
    expect(mostAllocated(6000, 3000, 24 * GI, 600 * 2 ** 20)).toBe(26); // (50 + 2) / 2
  });
});

describe(NAME, () => {
  it('NodeResourcesFit: Too many pods first, one reason per short resource, unresolvable beyond allocatable', () => {
    const { scheduler } = setup([node('n1', { cpu: '2', pods: '1', 'example.com/fpga': '1' })], [cpuPod('u', '1', { nodeName: 'n1' })]);
    const status = attempt(
      scheduler,
      pod('p', { containers: [{ name: 'c', resources: { requests: { cpu: '2', 'example.com/fpga': '2' } } }] }),
    ).fitError?.statuses.get('n1');
    expect(status).toEqual({
      plugin: 'NodeResourcesFit',
      code: 'UnschedulableAndUnresolvable',
      reasons: ['Too many pods', 'Insufficient cpu', 'Insufficient example.com/fpga'],
    });
    const { scheduler: s2 } = setup([node('n1', { cpu: '2' })], [cpuPod('u', '1', { nodeName: 'n1' })]);
    expect(attempt(s2, cpuPod('p', '2')).fitError?.statuses.get('n1')?.code).toBe('Unschedulable');
  });

  it('an extended resource no node offers is Insufficient everywhere', () => {
    const { scheduler } = setup(
      [node('n1'), node('n2')],
      [],
      [pod('p', { containers: [{ name: 'c', resources: { requests: { 'nvidia.com/gpu': '1' } } }] })],
    );
    expect(
      attempt(scheduler, pod('p', { containers: [{ name: 'c', resources: { requests: { 'nvidia.com/gpu': '1' } } }] })).fitError?.message,
    ).toBe('0/2 nodes are available: 2 Insufficient nvidia.com/gpu.');
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
});
