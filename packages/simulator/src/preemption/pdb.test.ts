import type { PodDisruptionBudget } from '@kubectl-workload/api';
import { info, pod } from '../test-support/builders.js';
import { budgets, splitByViolation } from './pdb.js';

function pdb(name: string, spec: PodDisruptionBudget['spec'], allowed?: number, namespace = 'default'): PodDisruptionBudget {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name, namespace },
    spec,
    ...(allowed !== undefined ? { status: { disruptionsAllowed: allowed } } : {}),
  };
}

const app = (name: string, label: string, namespace = 'default') => info(pod(name, {}, { labels: { app: label }, namespace }));
const selector = (label: string) => ({ matchLabels: { app: label } });

describe('PDB budgets (filterPodsWithPDBViolation, spec §4)', () => {
  const bound = [app('a', 'db'), app('b', 'db'), app('c', 'db'), app('d', 'web')];

  it('uses status.disruptionsAllowed when the snapshot has it', () => {
    expect(budgets([pdb('p', { minAvailable: 1, selector: selector('db') }, 0)], bound)[0]?.allowed).toBe(0);
  });

  it('derives disruptionsAllowed from minAvailable / maxUnavailable (ints and percents, rounded up) over the selected bound pods', () => {
    const derived = budgets(
      [
        pdb('min', { minAvailable: 1, selector: selector('db') }),
        pdb('min%', { minAvailable: '50%', selector: selector('db') }),
        pdb('max', { maxUnavailable: 1, selector: selector('db') }),
        pdb('max%', { maxUnavailable: '50%', selector: selector('db') }),
      ],
      bound,
    );
    expect(derived.map((b) => b.allowed)).toEqual([2, 1, 1, 2]);
  });

  it('marks victims violating once a matching budget goes below zero; unlabelled pods, other namespaces and empty selectors never match', () => {
    const all = budgets([pdb('p', { selector: selector('db') }, 1), pdb('empty', { selector: {} }, 0)], bound);
    const victims = [app('a', 'db'), app('b', 'db'), info(pod('bare')), app('x', 'db', 'other'), app('d', 'web')];
    const { violating, nonViolating } = splitByViolation(victims, (p) => [p], all);
    expect(violating.map((p) => p.name)).toEqual(['b']);
    expect(nonViolating.map((p) => p.name)).toEqual(['a', 'bare', 'x', 'd']);
  });

  it('treats a unit of several pods as violating when any of its pods is', () => {
    const all = budgets([pdb('p', { selector: selector('db') }, 1)], bound);
    const { violating } = splitByViolation([[app('a', 'db'), app('b', 'db')]], (u) => u, all);
    expect(violating).toHaveLength(1);
  });
});
