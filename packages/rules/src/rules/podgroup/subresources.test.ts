// PG-14/PG-28 and §4.3: main-resource requests never validate status; /status requests validate
// only status (spec and metadata are reset to the old object by the API server).

import { allGatesOn } from '@kubectl-workload/api';
import type { PodGroup } from '@kubectl-workload/api';
import { evaluate } from '../../engine.js';
import type { EvaluationRequest } from '../../engine.js';
import { ManifestLookup } from '../../manifest-lookup.js';
import { condition, gangSpec, podGroup } from './test-support/objects.js';

const badSpec = gangSpec({ schedulingPolicy: { gang: { minCount: -1 } } });
const badStatus = { conditions: [condition({ status: 'Maybe' })] };

async function pgRules(req: Omit<EvaluationRequest, 'gates'>): Promise<string[]> {
  const verdict = await evaluate({ ...req, gates: allGatesOn() }, new ManifestLookup([]));
  return verdict.errors.filter((f) => f.rule.startsWith('PG-')).map((f) => f.rule);
}

describe('PodGroup subresources', () => {
  it('ignores status on create (PG-14)', async () => {
    expect(await pgRules({ operation: 'CREATE', object: podGroup(gangSpec(), undefined, badStatus) })).toEqual([]);
  });
  it('ignores status on a main-resource update (PG-28)', async () => {
    const old: PodGroup = podGroup(gangSpec());
    expect(await pgRules({ operation: 'UPDATE', object: podGroup(gangSpec(), undefined, badStatus), oldObject: old })).toEqual([]);
  });
  it('validates only status on /status', async () => {
    const old = podGroup(badSpec);
    expect(
      await pgRules({
        operation: 'UPDATE',
        subResource: 'status',
        object: podGroup(badSpec, { name: 'renamed', namespace: 'ns' }, badStatus),
        oldObject: old,
      }),
    ).toEqual(['PG-32']);
  });
});
