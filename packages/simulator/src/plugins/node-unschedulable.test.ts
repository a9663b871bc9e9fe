import { attempt, node, pod, setup } from '../test-support/builders.js';
import { NAME } from './node-unschedulable.js';

describe(NAME, () => {
  it('NodeUnschedulable passes a pod that tolerates node.kubernetes.io/unschedulable', () => {
    const { scheduler } = setup([node('n1', {}, { spec: { unschedulable: true } })]);
    expect(attempt(scheduler, pod('p')).fitError?.message).toBe('0/1 nodes are available: 1 node(s) were unschedulable.');
    expect(
      attempt(scheduler, pod('q', { tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] }))
        .nodeName,
    ).toBe('n1');
  });
});
