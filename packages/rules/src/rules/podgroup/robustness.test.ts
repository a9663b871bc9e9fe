// Lint hands evaluate() raw manifests, so no Workload/PodGroup rule may throw on a value of the
// wrong JSON type (the API server would refuse to decode it; we must not crash on it).

import fc from 'fast-check';
import { allGatesOn } from '@kubectl-workload/api';
import type { KubeObject } from '@kubectl-workload/api';
import { evaluate } from '../../engine.js';
import { workloadRules } from '../workload/index.js';
import { podGroupRules } from './index.js';
import { ManifestLookup } from '../../manifest-lookup.js';
import { basic, gang, workload } from '../workload/test-support/objects.js';
import { condition, gangSpec, podGroup } from './test-support/objects.js';

const VALID: KubeObject[] = [
  workload({
    controllerRef: { apiGroup: 'batch', kind: 'Job', name: 'j' },
    podGroupTemplates: [
      gang('a', 2, {
        schedulingConstraints: { topology: [{ key: 'zone' }] },
        resourceClaims: [{ name: 'c', resourceClaimName: 'rc' }],
        disruptionMode: 'Pod',
        priorityClassName: 'high',
        priority: 1,
      }),
      basic('b'),
    ],
  }),
  podGroup(
    gangSpec({
      podGroupTemplateRef: { workload: { workloadName: 'w', podGroupTemplateName: 'a' } },
      schedulingConstraints: { topology: [{ key: 'zone' }] },
      resourceClaims: [{ name: 'c', resourceClaimTemplateName: 't' }],
      priority: 1,
      priorityClassName: 'high',
    }),
    undefined,
    { conditions: [condition()], resourceClaimStatuses: [{ name: 'c', resourceClaimName: 'x' }] },
  ),
];

const RULES = [...workloadRules, ...podGroupRules];

type Node = Record<string, unknown>;

/**
 * Replaces the value reached by `steps` (each picks a key of the current node) with `value`, below
 * apiVersion/kind (input reading only hands objects with a string apiVersion and kind to evaluate()).
 */
function replaceAt(obj: KubeObject, steps: number[], value: unknown): KubeObject {
  const { apiVersion, kind, ...body } = obj;
  const root = structuredClone(body) as Node;
  let node = root;
  for (const [i, step] of steps.entries()) {
    const keys = Object.keys(node);
    if (!keys.length) break;
    const key = keys[step % keys.length] as string;
    const child = node[key];
    if (i < steps.length - 1 && typeof child === 'object' && child !== null) {
      node = child as Node;
      continue;
    }
    node[key] = value;
    break;
  }
  return { apiVersion, kind, ...root };
}

const leaf = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(null, [], {}, '', 0, -1, 'x', [null], [1], { a: 1 }, true));
const mutated = fc
  .constantFrom(...VALID)
  .chain((base) =>
    fc
      .array(fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), leaf), { maxLength: 3 })
      .map((changes) => changes.reduce((o, [steps, v]) => replaceAt(o, steps, v), base)),
  );

describe('Workload and PodGroup rules on values of the wrong type', () => {
  it('never throw, on create, update and /status', async () => {
    await fc.assert(
      fc.asyncProperty(mutated, mutated, fc.constantFrom('CREATE', 'UPDATE', 'STATUS'), async (object, oldObject, op) => {
        if (object.kind !== oldObject.kind) return;
        const req =
          op === 'CREATE'
            ? { operation: 'CREATE' as const, object, gates: allGatesOn() }
            : {
                operation: 'UPDATE' as const,
                subResource: op === 'STATUS' ? ('status' as const) : ('' as const),
                object,
                oldObject,
                gates: allGatesOn(),
              };
        await evaluate(req, new ManifestLookup([]), { rules: RULES });
      }),
      { numRuns: 400 },
    );
  });
});
