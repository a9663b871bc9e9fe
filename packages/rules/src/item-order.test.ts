import { allGatesOn } from '@kubectl-workload/api';
import type { KubeObject } from '@kubectl-workload/api';
import { evaluate } from './engine.js';
import { findingField } from './finding.js';
import { ManifestLookup } from './manifest-lookup.js';
import { podGroup } from './rules/podgroup/test-support/objects.js';
import { workload } from './rules/workload/test-support/objects.js';

async function fieldsInOrder(object: KubeObject, family = 'WL-'): Promise<string[]> {
  const verdict = await evaluate({ operation: 'CREATE', object, gates: allGatesOn() }, new ManifestLookup([]));
  return verdict.errors.filter((f) => f.rule.startsWith(family)).map((f) => `${f.rule} ${findingField(f)}`);
}

describe('findings come out in the API server order', () => {
  it('metadata first, then controllerRef, then template by template in field order', async () => {
    const w = workload(
      {
        podGroupTemplates: [
          { name: 'A', schedulingPolicy: {}, priority: 2000000000 },
          { name: 'b.c', schedulingPolicy: { gang: { minCount: 0 } } },
        ],
        controllerRef: { kind: 'Job' },
      },
      { name: 'Bad' },
    );
    expect(await fieldsInOrder(w)).toEqual([
      'WL-01 metadata.name',
      'WL-15 spec.controllerRef.name',
      'WL-08 spec.podGroupTemplates[0].name',
      'WL-09 spec.podGroupTemplates[0].schedulingPolicy',
      'WL-27 spec.podGroupTemplates[0].priority',
      'WL-08 spec.podGroupTemplates[1].name',
      'WL-10 spec.podGroupTemplates[1].schedulingPolicy.gang.minCount',
    ]);
  });

  it('orders nested claims claim by claim inside their template', async () => {
    const w = workload({
      podGroupTemplates: [
        {
          name: 't',
          schedulingPolicy: { basic: {} },
          resourceClaims: [{ name: 'A' }, { name: 'B', resourceClaimName: 'Bad' }],
          disruptionMode: 'x',
        },
      ],
    });
    const p = 'spec.podGroupTemplates[0]';
    expect(await fieldsInOrder(w)).toEqual([
      `WL-22 ${p}.resourceClaims[0]`,
      `WL-21 ${p}.resourceClaims[0].name`,
      `WL-21 ${p}.resourceClaims[1].name`,
      `WL-23 ${p}.resourceClaims[1].resourceClaimName`,
      `WL-25 ${p}.disruptionMode`,
    ]);
  });

  it('lists PodGroup errors metadata first, then spec fields in declaration order', async () => {
    const pg = podGroup(
      {
        priority: 2000000000,
        disruptionMode: 'All',
        resourceClaims: [{ name: 'c' }],
        schedulingPolicy: { gang: { minCount: -1 } },
        podGroupTemplateRef: {},
      },
      { name: 'Bad_Name' },
    );
    expect(await fieldsInOrder(pg, 'PG-')).toEqual([
      'PG-01 metadata.name',
      'PG-04 spec.podGroupTemplateRef',
      'PG-08 spec.schedulingPolicy.gang.minCount',
      'PG-10 spec.resourceClaims[0]',
      'PG-11 spec.disruptionMode',
      'PG-13 spec.priority',
    ]);
  });
});
