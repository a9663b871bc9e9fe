import type { Pod } from '@kubectl-workload/api';
import { cpuPod, info, node, setup } from '../test-support/builders.js';
import type { PodInfo } from '../pod-info.js';
import type { FilterStatus } from '../status.js';
import { budgets } from './pdb.js';
import { NO_VICTIMS_STATUS, selectVictimsOnNode, type NodeVictims } from './select-victims.js';

function bound(name: string, cpu: string, priority: number, extra: Pod['spec'] = {}, labels: Record<string, string> = {}): Pod {
  const p = cpuPod(name, cpu, { nodeName: 'n1', priority, ...extra });
  return { ...p, metadata: { ...p.metadata, labels } };
}

function run(
  pods: Pod[],
  preemptor: Pod,
  pdbAllowed?: number,
): { result: NodeVictims | FilterStatus; requestedBefore: Float64Array; requestedAfter: Float64Array; podsAfter: string[] } {
  const { cluster, scheduler } = setup([node('n1', { cpu: '4' })], pods, [preemptor]);
  const me = info(preemptor);
  const pdbs =
    pdbAllowed === undefined
      ? []
      : budgets(
          [
            {
              apiVersion: 'policy/v1',
              kind: 'PodDisruptionBudget',
              metadata: { name: 'p', namespace: 'default' },
              spec: { selector: { matchLabels: { pdb: 'yes' } } },
              status: { disruptionsAllowed: pdbAllowed },
            },
          ],
          [],
        );
  const requestedBefore = Float64Array.from(cluster.requested);
  const result = selectVictimsOnNode(scheduler, me, cluster.requestVector(me), 0, pdbs);
  return {
    result,
    requestedBefore,
    requestedAfter: Float64Array.from(cluster.requested),
    podsAfter: (cluster.podsOnNode[0] ?? []).map((p: PodInfo) => p.name).sort(),
  };
}

const names = (r: NodeVictims | FilterStatus): string[] => ('victims' in r ? r.victims.map((v) => v.name) : []);

describe('selectVictimsOnNode (spec §4)', () => {
  it('removes every lower-priority pod, then reprieves the most important first and keeps only what must go', () => {
    const { result, requestedBefore, requestedAfter, podsAfter } = run(
      [bound('p1', '2', 1), bound('p5', '1', 5), bound('p3', '1', 3)],
      cpuPod('me', '2', { priority: 10 }),
    );
    // p5 and p3 come back (1 + 1 + 2 = 4 cpu); p1 cannot.
    expect(names(result)).toEqual(['p1']);
    expect(requestedAfter).toEqual(requestedBefore);
    expect(podsAfter).toEqual(['p1', 'p3', 'p5']);
  });

  it('never picks pods of equal or higher priority, and says so when no pod is lower', () => {
    expect(run([bound('same', '4', 10)], cpuPod('me', '1', { priority: 10 })).result).toBe(NO_VICTIMS_STATUS);
  });

  it('returns the filter status when the pod does not fit even with every lower-priority pod gone', () => {
    const { result } = run([bound('high', '3', 100), bound('low', '1', 1)], cpuPod('me', '2', { priority: 10 }));
    expect(result).toMatchObject({ plugin: 'NodeResourcesFit', code: 'Unschedulable', reasons: ['Insufficient cpu'] });
  });

  it('reprieves PDB-violating pods before the others, and counts the violations it cannot avoid', () => {
    const pods = [bound('guarded', '2', 1, {}, { pdb: 'yes' }), bound('free', '2', 5)];
    // "free" is more important, but the PDB-covered pod is tried first and fits back.
    expect(run(pods, cpuPod('me', '2', { priority: 10 }), 0).result).toMatchObject({ pdbViolations: 0, victims: [{ name: 'free' }] });
    expect(run(pods, cpuPod('me', '4', { priority: 10 }), 0).result).toMatchObject({
      pdbViolations: 1,
      victims: [{ name: 'free' }, { name: 'guarded' }],
    });
  });

  it('gives the same answer when other filters need the pods moved (host ports)', () => {
    const port = { containers: [{ name: 'c', ports: [{ containerPort: 80, hostPort: 80 }], resources: { requests: { cpu: '1' } } }] };
    const { result, requestedBefore, requestedAfter } = run(
      [bound('holder', '1', 1, port), bound('other', '3', 1)],
      cpuPod('me', '1', { priority: 10, ...port }),
    );
    expect(names(result)).toEqual(['holder']);
    expect(requestedAfter).toEqual(requestedBefore);
  });
});
