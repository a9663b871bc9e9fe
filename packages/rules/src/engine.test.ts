import { allGatesOn, unavailableLookup } from '@kubectl-workload/api';
import type { KubeObject, ObjectLookup } from '@kubectl-workload/api';
import { evaluate } from './engine.js';
import type { EvaluationOptions } from './engine.js';
import { ManifestLookup } from './manifest-lookup.js';

const podGroup = (spec: Record<string, unknown>): KubeObject =>
  ({ apiVersion: 'scheduling.k8s.io/v1alpha2', kind: 'PodGroup', metadata: { name: 'pg', namespace: 'ns' }, spec }) as KubeObject;

const create = (object: KubeObject, lookup: ObjectLookup = new ManifestLookup([]), options?: EvaluationOptions) =>
  evaluate({ operation: 'CREATE', object, gates: allGatesOn() }, lookup, options);

const rulesOf = (findings: { rule: string }[]) => findings.map((f) => f.rule);

describe('evaluate', () => {
  it('runs no rule after a decode failure (PG-00), cross-object rules included', async () => {
    const verdict = await create(podGroup({ podGroupTemplateRef: { workload: 'w' }, schedulingPolicy: { gang: { minCount: 2 } } }));
    expect(rulesOf(verdict.errors)).toEqual(['PG-00']);
    expect(verdict.warnings).toEqual([]);
  });

  it('still stops after a decode failure whose rule is turned off', async () => {
    const verdict = await create(
      podGroup({ podGroupTemplateRef: { workload: 'w' }, schedulingPolicy: { gang: { minCount: 2 } } }),
      undefined,
      { overrides: { 'PG-00': 'off' } },
    );
    expect(verdict).toMatchObject({ errors: [], warnings: [], infos: [] });
  });

  it('moves a finding to the bucket its severity override names', async () => {
    const verdict = await create(podGroup({ schedulingPolicy: { gang: { minCount: -1 } } }), undefined, {
      overrides: { 'PG-08': 'warning' },
    });
    expect(rulesOf(verdict.errors)).toEqual([]);
    expect(rulesOf(verdict.warnings)).toEqual(['PG-08']);
  });

  it('reports a field dropped by an off gate as a warning, which an override can still lower', async () => {
    const object = podGroup({ schedulingPolicy: { basic: {} }, priority: 10 });
    const gates = { ...allGatesOn(), WorkloadAwarePreemption: false };
    const dropped = await evaluate({ operation: 'CREATE', object, gates }, new ManifestLookup([]));
    expect(rulesOf(dropped.errors)).toEqual([]);
    expect(rulesOf(dropped.warnings)).toEqual(['PG-13']);
    const lowered = await evaluate({ operation: 'CREATE', object, gates }, new ManifestLookup([]), { overrides: { 'PG-13': 'info' } });
    expect(rulesOf(lowered.warnings)).toEqual([]);
    expect(rulesOf(lowered.infos)).toEqual(['PG-13']);
  });

  it('records a cross-object rule whose lookup failed, and runs the others', async () => {
    const lookup = unavailableLookup('cache not synced');
    const verdict = await create(
      podGroup({
        podGroupTemplateRef: { workload: { workloadName: 'w', podGroupTemplateName: 't' } },
        schedulingPolicy: { gang: { minCount: 0 } },
      }),
      lookup,
    );
    expect(rulesOf(verdict.errors)).toEqual(['PG-08']);
    expect(verdict.lookupFailures.map((f) => f.rule)).toContain('X-01');
    expect(verdict.lookupFailures.every((f) => f.error === 'cache not synced')).toBe(true);
  });

  it('ignores objects of kinds it does not know', async () => {
    const verdict = await create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } });
    expect(verdict).toEqual({ errors: [], warnings: [], infos: [], lookupFailures: [] });
  });
});
