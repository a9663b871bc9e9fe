import type { KubeObject, Pod, PodGroup } from '@kubectl-workload/api';
import { simulationInput } from '../input.js';
import { Simulation } from '../simulation.js';
import { cpuPod, gang, node } from '../test-support/builders.js';
import { describePreemption } from './describe.js';

const member = (name: string, cpu: string, priority: number, group = 'g'): Pod =>
  cpuPod(name, cpu, { priority, schedulingGroup: { podGroupName: group } });
const bound = (name: string, cpu: string, priority: number, extra: Pod['spec'] = {}): Pod =>
  cpuPod(name, cpu, { nodeName: 'n1', priority, ...extra });

function simulate(objects: KubeObject[], workloadAware = true) {
  return new Simulation(simulationInput(objects), { now: '2026-05-01T00:00:00Z', preemption: { workloadAware } });
}

describe('describePreemption (explain: "would my gang run if it could evict lower-priority work?")', () => {
  it('lists the victims and the groups they belong to', () => {
    const victimGroup: PodGroup = gang('batch', 1);
    const objects = [
      node('n1', { cpu: '2' }),
      victimGroup,
      gang('g', 2),
      bound('b0', '1', 1, { schedulingGroup: { podGroupName: 'batch' } }),
      bound('solo', '1', 1),
      member('m0', '1', 10),
      member('m1', '1', 10),
    ];
    const result = simulate(objects).runPodGroup('default', 'g');
    const summary = describePreemption(result, 'default', 'g');
    expect(summary.victimGroups).toEqual(['default/batch']);
    expect(summary.text).toBe('would preempt 2 pods (default/solo on n1, default/b0 on n1) in 1 group');
  });

  it("says why preemption cannot help, from the PostFilter part of the members' FitErrors", () => {
    const result = simulate(
      [node('n1', { cpu: '2' }), gang('g', 1), bound('peer', '2', 10), member('m0', '1', 10)],
      false,
    ).runToQuiescence();
    expect(describePreemption(result, 'default', 'g')).toMatchObject({
      victims: [],
      text: 'preemption cannot help: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    });
  });

  it('reports the workload-aware reason appended to the group status', () => {
    const result = simulate([node('n1', { cpu: '2' }), gang('g', 1), bound('peer', '2', 10), member('m0', '1', 10)]).runToQuiescence();
    expect(result.podGroups[0]?.message).toBe('pod group is unschedulable, No preemption victims found for incoming preemptor');
    expect(describePreemption(result, 'default', 'g').reasons).toEqual([
      'No preemption victims found for incoming preemptor',
      '0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    ]);
  });

  it('explains that a group with a topology constraint does not preempt', () => {
    const racked = { ...node('n1', { cpu: '2' }), metadata: { name: 'n1', labels: { rack: 'a' } } };
    const result = simulate([racked, gang('g', 1, 'rack'), bound('low', '2', 1), member('m0', '1', 10)]).runToQuiescence();
    expect(describePreemption(result, 'default', 'g').text).toBe(
      'preemption cannot help: pod groups with a topology constraint do not preempt in 1.36 (workload aware preemption is not supported for pod groups with scheduling constraints)',
    );
  });

  it('says a group that fits needs no preemption', () => {
    const result = simulate([node('n1', { cpu: '2' }), gang('g', 1), member('m0', '1', 10)]).runToQuiescence();
    expect(describePreemption(result, 'default', 'g').text).toBe('fits without preemption');
  });
});
