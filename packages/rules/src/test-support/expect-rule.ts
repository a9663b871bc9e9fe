// Test helpers for rule units: run one rule (or the whole engine) on an object and compare findings.

import { allGatesOn, kubeVersionOfObject } from '@kubectl-workload/api';
import type { FeatureGates, KubeObject, KubeVersion, ObjectLookup } from '@kubectl-workload/api';
import { evaluate } from '../engine.js';
import type { EvaluationRequest } from '../engine.js';
import { findingField, findingReason, renderFinding } from '../finding.js';
import type { CauseReason, Finding } from '../finding.js';
import { ManifestLookup } from '../manifest-lookup.js';

export interface RuleCase {
  operation?: EvaluationRequest['operation'];
  subResource?: EvaluationRequest['subResource'];
  oldObject?: KubeObject;
  gates?: Partial<FeatureGates>;
  /** Other objects the cross-object rules can see. */
  objects?: KubeObject[];
  lookup?: ObjectLookup;
  /** `--kube-version`; by default the object's API version decides (v1beta1/v1alpha3: 1.37). */
  kubeVersion?: KubeVersion;
}

/** A finding as the API server prints it: what rule tests compare. */
export interface ExpectedFinding {
  reason: CauseReason;
  field: string;
  message: string;
}

export const printed = (f: Finding): ExpectedFinding => ({ reason: findingReason(f), field: findingField(f), message: renderFinding(f) });

/** All findings of one rule for an object, with everything else in the engine running as usual. */
export async function findingsOf<T extends KubeObject>(ruleId: string, object: T, c: RuleCase = {}): Promise<Finding[]> {
  const verdict = await evaluate(
    {
      operation: c.operation ?? (c.oldObject ? 'UPDATE' : 'CREATE'),
      subResource: c.subResource ?? '',
      object,
      ...(c.oldObject ? { oldObject: c.oldObject } : {}),
      gates: { ...allGatesOn(c.kubeVersion ?? kubeVersionOfObject(object) ?? '1.36'), ...c.gates },
      ...(c.kubeVersion ? { kubeVersion: c.kubeVersion } : {}),
    },
    c.lookup ?? new ManifestLookup(c.objects ?? []),
  );
  return [...verdict.errors, ...verdict.warnings, ...verdict.infos].filter((f) => f.rule === ruleId);
}

export function expectRule<T extends KubeObject>(ruleId: string, object: T, c: RuleCase = {}) {
  return {
    async toPass(): Promise<void> {
      expect(await findingsOf(ruleId, object, c)).toEqual([]);
    },
    async toReport(expected: ExpectedFinding[]): Promise<void> {
      const got = (await findingsOf(ruleId, object, c)).map(printed);
      expect(got).toEqual(expected);
    },
  };
}
