import { LookupUnavailableError } from '@kubectl-workload/api';
import type { ObjectLookup } from '@kubectl-workload/api';
import { ReviewLookup } from './review-lookup.js';

function countingLookup(failing: Set<string>): { lookup: ObjectLookup; calls: string[] } {
  const calls: string[] = [];
  const answer =
    <T>(method: string, value: T) =>
    (...args: string[]): Promise<T> => {
      calls.push(`${method}(${args.join(',')})`);
      return failing.has(method) ? Promise.reject(new LookupUnavailableError(`${method} unavailable`)) : Promise.resolve(value);
    };
  return {
    calls,
    lookup: {
      getWorkload: answer('getWorkload', undefined),
      getPodGroup: answer('getPodGroup', undefined),
      listPodGroups: answer('listPodGroups', []),
      listPods: answer('listPods', []),
      getJob: answer('getJob', undefined),
      getPriorityClass: answer('getPriorityClass', undefined),
    },
  };
}

describe('ReviewLookup', () => {
  it('reads each object once per review', async () => {
    const { lookup, calls } = countingLookup(new Set());
    const view = new ReviewLookup(lookup);
    await Promise.all([view.listPods('ns'), view.listPods('ns'), view.listPods('other'), view.getWorkload('ns', 'w'), view.getWorkload('ns', 'w')]);
    expect(calls).toEqual(['listPods(ns)', 'listPods(other)', 'getWorkload(ns,w)']);
  });

  it('after an unavailable kind, fails its other reads at once with the first error', async () => {
    const { lookup, calls } = countingLookup(new Set(['getPodGroup']));
    const view = new ReviewLookup(lookup);
    await expect(view.getPodGroup('ns', 'a')).rejects.toThrow('getPodGroup unavailable');
    await expect(view.listPodGroups('ns')).rejects.toThrow('getPodGroup unavailable');
    await expect(view.getPodGroup('ns', 'b')).rejects.toThrow('getPodGroup unavailable');
    await expect(view.listPods('ns')).resolves.toEqual([]);
    expect(calls).toEqual(['getPodGroup(ns,a)', 'listPods(ns)']);
  });

  it('retries reads that failed for another reason', async () => {
    let calls = 0;
    const view = new ReviewLookup({
      ...countingLookup(new Set()).lookup,
      getJob: () => {
        calls++;
        return Promise.reject(new Error('bug'));
      },
    });
    await expect(view.getJob('ns', 'j')).rejects.toThrow('bug');
    await expect(view.getJob('ns', 'j')).rejects.toThrow('bug');
    expect(calls).toBe(2);
  });
});
