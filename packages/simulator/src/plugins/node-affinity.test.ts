import { attempt, node, pod, setup } from '../test-support/builders.js';
import { NAME } from './node-affinity.js';

describe(NAME, () => {
  it('NodeAffinity combines nodeSelector and required terms (terms ORed)', () => {
    const { scheduler } = setup([
      node('a', {}, { labels: { disk: 'ssd', zone: 'z1' } }),
      node('b', {}, { labels: { disk: 'ssd', zone: 'z2' } }),
      node('c', {}, { labels: { zone: 'z1' } }),
    ]);
    const affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchExpressions: [{ key: 'zone', operator: 'In', values: ['z1'] }] },
            { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['c'] }] },
          ],
        },
      },
    };
    const result = attempt(scheduler, pod('p', { nodeSelector: { disk: 'ssd' }, affinity }));
    expect(result.nodeName).toBe('a');
    expect(result.feasibleNodes).toBe(1);
  });

  it('NodeAffinity: preferred weights normalised to the best node, weight 2; absent without preferred terms', () => {
    const { scheduler } = setup([node('a', {}, { labels: { x: '1', y: '1' } }), node('b', {}, { labels: { y: '1' } })]);
    const preferred = [
      { weight: 10, preference: { matchExpressions: [{ key: 'x', operator: 'Exists' }] } },
      { weight: 10, preference: { matchExpressions: [{ key: 'y', operator: 'Exists' }] } },
    ];
    const { trace } = attempt(
      scheduler,
      pod('p', { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: preferred } } }),
      true,
    );
    expect(trace?.finalScore.a?.NodeAffinity).toBe(200);
    expect(trace?.finalScore.b?.NodeAffinity).toBe(100);
    expect(attempt(scheduler, pod('q'), true).trace?.finalScore.a?.NodeAffinity).toBeUndefined();
  });
});
