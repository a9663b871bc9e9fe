import { LookupUnavailableError } from '@kubectl-workload/api';
import type { ObjectLookup } from '@kubectl-workload/api';
import { ReviewLookup } from './review-lookup.js';

function countingLookup(failing: Set<string>): { lookup: ObjectLookup; calls: string[] } {
  const calls: string[] = [];
  const answer =
    <T>(method: string, value: T) =>
    (...args: (string | undefined)[]): Promise<T> => {
      calls.push(`${method}(${args.filter((arg) => arg !== undefined).join(',')})`);
      return failing.has(method) ? Promise.reject(new LookupUnavailableError(`${method} unavailable`)) : Promise.resolve(value);
    };
  return {
    calls,
    lookup: {
      getWorkload: answer('getWorkload', undefined),
      getPodGroup: answer('getPodGroup', undefined),
      podsOfPodGroup: answer('podsOfPodGroup', []),
      podGroupsFromTemplate: answer('podGroupsFromTemplate', []),
      podGroupsControlledBy: answer('podGroupsControlledBy', []),
      getJob: answer('getJob', undefined),
      getCompositePodGroup: answer('getCompositePodGroup', undefined),
      compositePodGroupsOfWorkload: answer('compositePodGroupsOfWorkload', []),
      childrenOfCompositePodGroup: answer('childrenOfCompositePodGroup', []),
      getPriorityClass: answer('getPriorityClass', undefined),
      listPriorityClasses: answer('listPriorityClasses', []),
    },
  };
}

describe('ReviewLookup', () => {
  it('reads each object once per review', async () => {
    const { lookup, calls } = countingLookup(new Set());
    const view = new ReviewLookup(lookup);
    await Promise.all([
      view.podsOfPodGroup('ns', 'g'),
      view.podsOfPodGroup('ns', 'g'),
      view.podsOfPodGroup('other', 'g'),
      view.getWorkload('ns', 'w'),
      view.getWorkload('ns', 'w'),
      view.podGroupsFromTemplate('ns', 'w'),
      view.podGroupsFromTemplate('ns', 'w', 't'),
      view.podGroupsFromTemplate('ns', 'w', 't'),
      view.podGroupsControlledBy('ns', 'Job', 'j'),
      view.podGroupsControlledBy('ns', 'JobSet', 'j'),
    ]);
    expect(calls).toEqual([
      'podsOfPodGroup(ns,g)',
      'podsOfPodGroup(other,g)',
      'getWorkload(ns,w)',
      'podGroupsFromTemplate(ns,w)',
      'podGroupsFromTemplate(ns,w,t)',
      'podGroupsControlledBy(ns,Job,j)',
      'podGroupsControlledBy(ns,JobSet,j)',
    ]);
  });

  it('after an unavailable kind, fails its other reads at once with the first error', async () => {
    const { lookup, calls } = countingLookup(new Set(['getPodGroup']));
    const view = new ReviewLookup(lookup);
    await expect(view.getPodGroup('ns', 'a')).rejects.toThrow('getPodGroup unavailable');
    await expect(view.podGroupsFromTemplate('ns', 'w')).rejects.toThrow('getPodGroup unavailable');
    await expect(view.getPodGroup('ns', 'b')).rejects.toThrow('getPodGroup unavailable');
    await expect(view.podsOfPodGroup('ns', 'a')).resolves.toEqual([]);
    expect(calls).toEqual(['getPodGroup(ns,a)', 'podsOfPodGroup(ns,a)']);
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
