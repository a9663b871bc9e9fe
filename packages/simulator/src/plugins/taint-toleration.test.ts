import { attempt, node, pod, setup } from '../test-support/builders.js';
import { NAME } from './taint-toleration.js';

describe(NAME, () => {
  it('TaintToleration filters NoSchedule and NoExecute but not PreferNoSchedule', () => {
    const { scheduler } = setup([
      node('a', {}, { spec: { taints: [{ key: 'k', effect: 'NoExecute' }] } }),
      node('b', {}, { spec: { taints: [{ key: 'k', effect: 'PreferNoSchedule' }] } }),
    ]);
    const result = attempt(scheduler, pod('p'));
    expect(result.nodeName).toBe('b');
    expect(result.feasibleNodes).toBe(1);
  });

  it('TaintToleration: fewest untolerated PreferNoSchedule taints scores 100, weight 3', () => {
    const prefer = (n: number) => ({
      spec: { taints: Array.from({ length: n }, (_, i) => ({ key: `t${i}`, effect: 'PreferNoSchedule' })) },
    });
    const { scheduler } = setup([node('a', {}, prefer(0)), node('b', {}, prefer(1)), node('c', {}, prefer(2))]);
    const { trace, nodeName } = attempt(scheduler, pod('p'), true);
    expect(nodeName).toBe('a');
    expect([trace?.finalScore.a?.TaintToleration, trace?.finalScore.b?.TaintToleration, trace?.finalScore.c?.TaintToleration]).toEqual([
      300, 150, 0,
    ]);
  });
});
