// Lints a set of manifests with the rules engine: every object is a CREATE, or an UPDATE of its
// older version when one is given (matched by kind/namespace/name), and the cross-object rules see
// the whole set (over the older objects it does not replace, and over a cluster's objects when
// given) through a ManifestLookup. Rule settings and per-object ignore annotations apply here.

import { isNamespaced, kubeVersionOfObject, namespaceOf, nameOf, notFound, objectKey } from '@kubectl-workload/api';
import type { GatesByVersion, KubeObject, KubeVersion } from '@kubectl-workload/api';
import { evaluate, findingField, ManifestLookup } from '@kubectl-workload/rules';
import type { Finding, Rule, SeverityOverride, Verdict } from '@kubectl-workload/rules';
import type { LoadDiagnostic, ManifestObject } from '../input/manifests.js';
import { IGNORE_FIELD, IGNORE_RULE, ignoredRules } from './ignore.js';
import type { LintFinding, LintedObject } from './report.js';

export const DEFAULT_NAMESPACE = 'default';

export interface LintOptions {
  /** Gates per Kubernetes version: an object is checked with those of its version. */
  gates: GatesByVersion;
  /** `--kube-version`: check every object against this version (else each object's apiVersion says, MIG-01). */
  kubeVersion?: KubeVersion;
  /** Older versions of objects, by `objectKey`: objects found here are linted as UPDATEs. */
  previous?: ReadonlyMap<string, KubeObject>;
  /** The rules to run (default: all of them). */
  rules?: readonly Rule[];
  /** Per-rule severity (`off` disables a rule): the rules file. */
  overrides?: Readonly<Record<string, SeverityOverride>>;
  /** A cluster's objects (--snapshot, --kubeconfig): cross-object rules find them too, under the set. */
  cluster?: readonly KubeObject[];
}

/** Manifests may hold anything: a name that is not a string is shown as its JSON text. */
const text = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

export function lintedObject(object: KubeObject): LintedObject {
  return {
    apiVersion: object.apiVersion ?? '',
    kind: object.kind ?? '',
    namespace: isNamespaced(object.kind) ? text(namespaceOf(object, DEFAULT_NAMESPACE)) : '',
    name: text(nameOf(object)),
  };
}

/** Older versions by object key, the last one winning as `kubectl apply` would leave it. */
export function indexByKey(objects: Iterable<KubeObject>): Map<string, KubeObject> {
  const byKey = new Map<string, KubeObject>();
  for (const object of objects) byKey.set(objectKey(object, DEFAULT_NAMESPACE), object);
  return byKey;
}

function toLintFinding(manifest: ManifestObject, finding: Finding): LintFinding {
  const { line, column } = manifest.position(findingField(finding));
  return { ...finding, object: lintedObject(manifest.object), file: manifest.file, line, column };
}

/**
 * What the cluster holds after `kubectl apply` of the set: the new objects, plus older objects the
 * set does not replace (apply deletes nothing).
 */
function appliedState(manifests: readonly ManifestObject[], options: LintOptions): KubeObject[] {
  const current = manifests.map((m) => m.object);
  if (!options.previous?.size && !options.cluster?.length) return current;
  const replaced = new Set(current.map((o) => objectKey(o, DEFAULT_NAMESPACE)));
  const kept = (objects: Iterable<KubeObject>) => [...objects].filter((o) => !replaced.has(objectKey(o, DEFAULT_NAMESPACE)));
  return [...current, ...kept(options.previous?.values() ?? []), ...kept(options.cluster ?? [])];
}

/** The findings an object's ignore annotation leaves, plus one for each id in it that no rule has. */
function applyIgnores(manifest: ManifestObject, findings: Finding[]): Finding[] {
  const { ids, unknown } = ignoredRules(manifest.object);
  if (ids.size === 0) return findings;
  const unknownIds: Finding[] = unknown.map((id) => ({
    rule: IGNORE_RULE,
    severity: 'warning',
    style: 'field',
    error: notFound(IGNORE_FIELD, id, 'no rule has this id, so it ignores nothing'),
  }));
  return [...findings.filter((f) => !ids.has(f.rule)), ...unknownIds];
}

/** An object the rules could not check (a rule failed on its shape): named, so the rest still gets linted. */
function uncheckable(manifest: ManifestObject, err: unknown): LoadDiagnostic {
  const { kind, namespace, name } = lintedObject(manifest.object);
  const reason = err instanceof Error ? err.message : String(err);
  return {
    file: manifest.file,
    ...manifest.position(),
    message: `could not check ${kind} ${namespace ? `${namespace}/` : ''}${name}: ${reason}`,
  };
}

export async function lintObjects(
  manifests: readonly ManifestObject[],
  options: LintOptions,
): Promise<{ findings: LintFinding[]; diagnostics: LoadDiagnostic[] }> {
  const lookup = new ManifestLookup(appliedState(manifests, options), DEFAULT_NAMESPACE);
  const evaluation = { ...(options.rules ? { rules: options.rules } : {}), ...(options.overrides ? { overrides: options.overrides } : {}) };
  const findings: LintFinding[] = [];
  const diagnostics: LoadDiagnostic[] = [];
  for (const manifest of manifests) {
    const oldObject = options.previous?.get(objectKey(manifest.object, DEFAULT_NAMESPACE));
    const version = options.kubeVersion ?? kubeVersionOfObject(manifest.object) ?? '1.36';
    let verdict: Verdict;
    try {
      verdict = await evaluate(
        {
          operation: oldObject ? 'UPDATE' : 'CREATE',
          object: manifest.object,
          ...(oldObject ? { oldObject } : {}),
          gates: options.gates[version],
          kubeVersion: version,
        },
        lookup,
        evaluation,
      );
    } catch (err) {
      diagnostics.push(uncheckable(manifest, err));
      continue;
    }
    const found = applyIgnores(manifest, [...verdict.errors, ...verdict.warnings, ...verdict.infos]).map((f) => toLintFinding(manifest, f));
    if (found.length > 1) found.sort((a, b) => a.line - b.line || a.column - b.column);
    findings.push(...found);
  }
  return { findings, diagnostics };
}
