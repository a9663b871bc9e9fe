// WL-30 and WL-31 are behaviours of the Workload rules together on UPDATE: structural pre-checks
// are reported next to immutability with nothing per item, and unchanged invalid data is accepted.

import { allGatesOn } from '@kubectl-workload/api';
import type { Workload } from '@kubectl-workload/api';
import { evaluate } from '../../engine.js';
import { renderFinding } from '../../finding.js';
import { ManifestLookup } from '../../manifest-lookup.js';
import { basic, gang, withTemplates } from './test-support/objects.js';

async function updateFindings(object: Workload, oldObject: Workload) {
  const verdict = await evaluate({ operation: 'UPDATE', object, oldObject, gates: allGatesOn() }, new ManifestLookup([]));
  return [...verdict.errors, ...verdict.warnings]
    .filter((f) => f.rule.startsWith('WL-'))
    .map((f) => ({ rule: f.rule, message: renderFinding(f) }));
}

describe('WL-30 pre-checks on update (generated order: immutable, maxItems, required)', () => {
  it('reports Required and immutable for an emptied list', async () => {
    expect(await updateFindings(withTemplates(), withTemplates(basic()))).toEqual([
      { rule: 'WL-29', message: 'spec.podGroupTemplates: Invalid value: null: field is immutable' },
      { rule: 'WL-04', message: 'spec.podGroupTemplates: Required value' },
    ]);
  });
  it('reports TooMany and immutable for 9 templates, and nothing per item', async () => {
    const nine = Array.from({ length: 9 }, () => basic('Bad_Name'));
    expect(await updateFindings(withTemplates(...nine), withTemplates(basic()))).toEqual([
      { rule: 'WL-29', message: 'spec.podGroupTemplates: Invalid value: null: field is immutable' },
      { rule: 'WL-05', message: 'spec.podGroupTemplates: Too many: 9: must have at most 8 items' },
    ]);
  });
});

describe('WL-31 ratcheting', () => {
  it('accepts an update that changes nothing, however invalid the stored templates', async () => {
    const invalid = withTemplates(gang('Bad_Name', 0), { name: 'x', schedulingPolicy: {} });
    expect(await updateFindings(invalid, structuredClone(invalid))).toEqual([]);
  });
});
