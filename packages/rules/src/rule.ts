// A rule is data (id, doc, severity, scope) plus one check function, like a typescript-eslint rule.

import { forbidden } from '@kubectl-workload/api';
import type { FeatureGate, FeatureGates, FieldError, KnownKind, KubeObject, KubeVersion, ObjectLookup } from '@kubectl-workload/api';

export type Severity = 'error' | 'warning' | 'info';
export type Operation = 'CREATE' | 'UPDATE' | 'DELETE';
/** '' is the main resource; 'status' the /status subresource. */
export type SubResource = '' | 'status';

/**
 * How a finding is returned: `field` findings are field errors (422 Invalid on the API server);
 * `admission` findings are an admission plugin's rejection (403 Forbidden) with its own message.
 */
export type FindingStyle = 'field' | 'admission';

export interface RuleContext<T extends KubeObject = KubeObject> {
  readonly operation: Operation;
  readonly subResource: SubResource;
  readonly object: T;
  /** The object before the change, on UPDATE (and DELETE); undefined on CREATE. */
  readonly oldObject: T | undefined;
  readonly gates: FeatureGates;
  readonly lookup: ObjectLookup;
  /** The Kubernetes version the request is checked against (the registry holds one rule list per version). */
  readonly kubeVersion: KubeVersion;
}

/** What a check returns: a field error, or for admission-style rules a field plus the plugin's message. */
export type RuleResult = FieldError | AdmissionRejection | WarningOnly;

/**
 * A finding an error rule reports as a warning only: a gated field set while its gate is off, which
 * the API server's strategy drops before validation (and before any validating webhook), so it is
 * never a rejection, only a warning that it is lost; or (1.37 X-10) a minCount the Job controller patches.
 */
export interface WarningOnly {
  readonly warning: FieldError;
}

/** `spec.priority: Forbidden: dropped by the API server: the WorkloadAwarePreemption feature gate is off` */
export function droppedByGate(field: string, gate: FeatureGate): WarningOnly {
  return { warning: forbidden(field, `dropped by the API server: the ${gate} feature gate is off`) };
}

export interface AdmissionRejection {
  readonly field: string;
  /** The text after `<resource> "<name>" is forbidden: `, e.g. `PodGroup rejected: Workload "w" not found`. */
  readonly message: string;
}

export interface Rule<T extends KubeObject = KubeObject> {
  /** Spec id, e.g. `WL-04`. */
  readonly id: string;
  /** One line: what the rule enforces. */
  readonly doc: string;
  readonly severity: Severity;
  readonly style: FindingStyle;
  readonly kinds: readonly KnownKind[];
  readonly operations: readonly Operation[];
  readonly subResources: readonly SubResource[];
  /** The rule runs only when all of these gates are on. */
  readonly gates?: readonly FeatureGate[];
  /**
   * Upstream "early return": this rule is skipped when any of these rules reported for the same
   * object (e.g. per-template checks are skipped once `spec.podGroupTemplates` fails a pre-check).
   */
  readonly skipIfFailed?: readonly string[];
  /**
   * A decode check (WL-00, PG-00): when it reports, no later rule runs on the object, as the API
   * server never validates an object it could not decode. Decode rules come first in the registry.
   */
  readonly decode?: boolean;
  /**
   * Gates whose on/off state changes what the rule reports (it reads `ctx.gates` itself, e.g. a
   * gated field is Forbidden while its gate is off). Documentation only; `gates` decides whether it runs.
   */
  readonly readsGates?: readonly FeatureGate[];
  /**
   * The list this rule checks item by item (e.g. `spec.podGroupTemplates`). Findings of consecutive
   * rules naming the same list come out item by item, like the API server's per-item validation.
   */
  readonly itemsOf?: string;
  /** Whether the rule reads other objects through the lookup (so a lookup failure is attributed to it). */
  readonly crossObject?: boolean;
  check(ctx: RuleContext<T>): readonly RuleResult[] | Promise<readonly RuleResult[]>;
}

/** Declares a rule with its object type checked, stored type-erased in the registry. */
export function defineRule<T extends KubeObject>(rule: Rule<T>): Rule {
  return rule;
}

/** A rule that reads other objects when its object is created (admission plugins, most X rules). */
export function defineCreateRule<T extends KubeObject>(rule: Omit<Rule<T>, 'operations' | 'subResources' | 'crossObject'>): Rule {
  return defineRule<T>({ ...rule, operations: ['CREATE'], subResources: [''], crossObject: true });
}
