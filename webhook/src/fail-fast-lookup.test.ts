import { LookupUnavailableError } from '@kubectl-workload/api';
import type { ObjectLookup } from '@kubectl-workload/api';
import { FailFastLookup } from './fail-fast-lookup.js';

function countingLookup(failing: Set<string>): { lookup: ObjectLookup; calls: string[] } {
  const calls: string[] = [];
  const answer = <T>(method: string, value: T) => (): Promise<T> => {
    calls.push(method);
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

describe('FailFastLookup', () => {
  it('asks the source once per kind after a failure and rethrows the first error', async () => {
    const { lookup, calls } = countingLookup(new Set(['getPodGroup']));
    const fast = new FailFastLookup(lookup);
    await expect(fast.getPodGroup('ns', 'a')).rejects.toThrow('getPodGroup unavailable');
    await expect(fast.listPodGroups('ns')).rejects.toThrow('getPodGroup unavailable');
    await expect(fast.getPodGroup('ns', 'b')).rejects.toThrow('getPodGroup unavailable');
    await expect(fast.listPods('ns')).resolves.toEqual([]);
    await expect(fast.listPods('ns')).resolves.toEqual([]);
    expect(calls).toEqual(['getPodGroup', 'listPods', 'listPods']);
  });

  it('does not remember errors other than LookupUnavailableError', async () => {
    let calls = 0;
    const fast = new FailFastLookup({
      ...countingLookup(new Set()).lookup,
      getJob: () => {
        calls++;
        return Promise.reject(new Error('bug'));
      },
    });
    await expect(fast.getJob('ns', 'j')).rejects.toThrow('bug');
    await expect(fast.getJob('ns', 'j')).rejects.toThrow('bug');
    expect(calls).toBe(2);
  });
});
