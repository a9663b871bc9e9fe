import { info, pod } from '../test-support/builders.js';
import { less } from './priority-sort.js';

const at = (name: string, priority: number, creationTimestamp: string) => info(pod(name, { priority }, { creationTimestamp }));

describe('PrioritySort', () => {
  it('pops higher priority first, then the earlier creation time, then the pod key', () => {
    const pods = [
      at('c', 0, '2026-01-01T00:00:00Z'),
      at('b', 0, '2026-01-01T00:00:00Z'),
      at('late', 5, '2026-02-01T00:00:00Z'),
      at('early', 0, '2025-12-01T00:00:00Z'),
    ];
    expect(pods.sort(less).map((p) => p.name)).toEqual(['late', 'early', 'b', 'c']);
  });
});
