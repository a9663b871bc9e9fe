// What converting one v1alpha2 Workload or PodGroup to 1.37 changes (api-rules-1.37.md §10.2, MIG-01):
// a list of edits on the object's paths, a sentence per change, and the decisions a person must make
// where the mapping has no single answer. It reads the object and never changes it: edits.ts applies
// the edits to the YAML document, so comments, key order and unrelated fields survive.

import { DISRUPTION_MODE_1_37, SCHEDULING_API_VERSION, type KubeObject, type OwnerReference } from '@kubectl-workload/api';

export type Path = ReadonlyArray<string | number>;

export type Edit =
  | { op: 'set'; path: Path; value: unknown }
  /** Replace the key at `path` with `key` and its value with `value`, where the old key stood. */
  | { op: 'rename'; path: Path; key: string; value: unknown }
  | { op: 'delete'; path: Path };

export interface Decision {
  /** The field path, as the API server writes it (`spec.podGroupTemplates[1].priority`). */
  field: string;
  message: string;
}

export interface ObjectConversion {
  edits: Edit[];
  changes: string[];
  decisions: Decision[];
}

/** What the input tells about the cluster the objects go to: PriorityClass values by name. */
export interface ConversionContext {
  priorityClasses: ReadonlyMap<string, number>;
}

/** Set by the API server, so a manifest created from the object must not carry them. */
const SERVER_SET_METADATA = [
  'uid',
  'resourceVersion',
  'creationTimestamp',
  'generation',
  'managedFields',
  'selfLink',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
];

type Json = Record<string, unknown>;

function record(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

function fieldPath(path: Path): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

/** `convertible` objects are v1alpha2 Workloads and PodGroups; everything else is left as written. */
export function isConvertible(obj: KubeObject): boolean {
  return obj.apiVersion === SCHEDULING_API_VERSION && (obj.kind === 'Workload' || obj.kind === 'PodGroup');
}

function convertMetadata(obj: Json, out: ObjectConversion): void {
  const metadata = record(obj.metadata);
  if (!metadata) return;
  const dropped = SERVER_SET_METADATA.filter((key) => key in metadata);
  for (const key of dropped) out.edits.push({ op: 'delete', path: ['metadata', key] });
  if (dropped.length) out.changes.push(`dropped server-set metadata (${dropped.join(', ')})`);
  const owners = Array.isArray(metadata.ownerReferences) ? (metadata.ownerReferences as OwnerReference[]) : [];
  const stale = owners.flatMap((owner, i) => (owner?.apiVersion === SCHEDULING_API_VERSION ? [i] : []));
  for (const i of stale) {
    const owner = owners[i] as OwnerReference;
    out.changes.push(
      `dropped ownerReference to ${owner.kind} "${owner.name}": it gets a new UID when recreated; add the reference back with that UID ` +
        `(one to the old UID would let the garbage collector delete this object)`,
    );
  }
  if (stale.length && stale.length === owners.length) out.edits.push({ op: 'delete', path: ['metadata', 'ownerReferences'] });
  // Highest index first, so each delete leaves the indexes still to come unchanged.
  else for (const i of stale.reverse()) out.edits.push({ op: 'delete', path: ['metadata', 'ownerReferences', i] });
}

/** `Pod` / `PodGroup` become the union `{single: {}}` / `{all: {}}` (PG-11, WL-25). */
function convertDisruptionMode(holder: Json, path: Path, out: ObjectConversion): void {
  if (!('disruptionMode' in holder) || holder.disruptionMode === undefined || holder.disruptionMode === null) return;
  const mode = holder.disruptionMode;
  const member = typeof mode === 'string' ? DISRUPTION_MODE_1_37[mode] : undefined;
  const at = [...path, 'disruptionMode'];
  if (!member) {
    out.decisions.push({
      field: fieldPath(at),
      message: `${JSON.stringify(mode)} has no 1.37 equivalent (supported values: "Pod", "PodGroup")`,
    });
    return;
  }
  out.edits.push({ op: 'set', path: at, value: { [member]: {} } });
  out.changes.push(`${fieldPath(at)}: "${String(mode)}" → {${member}: {}}`);
}

function priorityKey(template: Json): string {
  return JSON.stringify([template.priorityClassName ?? null, template.priority ?? null]);
}

function describePriority(template: Json): string {
  const parts = [template.priorityClassName === undefined ? 'no class' : `class "${String(template.priorityClassName)}"`];
  if (template.priority !== undefined) parts.push(`priority ${String(template.priority)}`);
  return parts.join(', ');
}

function convertWorkload(spec: Json, out: ObjectConversion): void {
  const templates = Array.isArray(spec.podGroupTemplates) ? spec.podGroupTemplates : [];
  templates.forEach((item, i) => {
    const template = record(item);
    if (template) convertDisruptionMode(template, ['spec', 'podGroupTemplates', i], out);
  });
  // WL-38: 1.37 allows one priority configuration per Workload; which one to keep is the owner's call.
  const configured = templates.map(record).filter((t): t is Json => t !== undefined);
  const distinct = new Set(configured.map(priorityKey));
  if (distinct.size > 1) {
    const listed = configured.map((t) => `${String(t.name)}: ${describePriority(t)}`).join('; ');
    out.decisions.push({
      field: 'spec.podGroupTemplates',
      message: `templates set different priorities (${listed}); 1.37 requires one priorityClassName and priority for all templates of a Workload (WL-38): choose one, or split the Workload`,
    });
  }
}

function convertTemplateRef(spec: Json, out: ObjectConversion): void {
  if (!('podGroupTemplateRef' in spec) || spec.podGroupTemplateRef === null) return;
  const workload = record(record(spec.podGroupTemplateRef)?.workload);
  if (!workload) {
    out.decisions.push({
      field: 'spec.podGroupTemplateRef',
      message: 'names no Workload template (invalid in 1.36 as well): name one under workload, or remove the field',
    });
    return;
  }
  const workloadRef: Json = {};
  if (workload.workloadName !== undefined) workloadRef.workloadName = workload.workloadName;
  if (workload.podGroupTemplateName !== undefined) workloadRef.templateName = workload.podGroupTemplateName;
  out.edits.push({ op: 'rename', path: ['spec', 'podGroupTemplateRef'], key: 'workloadRef', value: workloadRef });
  out.changes.push('spec.podGroupTemplateRef.workload{workloadName, podGroupTemplateName} → spec.workloadRef{workloadName, templateName}');
}

/** Priority admission re-checks `priority` against the class (PG-52): a stale value would be rejected. */
function convertPriority(spec: Json, context: ConversionContext, out: ObjectConversion): void {
  const className = spec.priorityClassName;
  if (typeof className !== 'string' || spec.priority === undefined) return;
  const value = context.priorityClasses.get(className);
  if (value === undefined || value === spec.priority) return;
  out.edits.push({ op: 'delete', path: ['spec', 'priority'] });
  out.changes.push(
    `dropped spec.priority ${String(spec.priority)}: PriorityClass "${className}" has value ${value}, which Priority admission fills in`,
  );
}

function convertPodGroup(obj: Json, spec: Json, context: ConversionContext, out: ObjectConversion): void {
  convertTemplateRef(spec, out);
  convertDisruptionMode(spec, ['spec'], out);
  convertPriority(spec, context, out);
  if ('status' in obj) {
    out.edits.push({ op: 'delete', path: ['status'] });
    out.changes.push('dropped status: the 1.37 scheduler writes PodGroupInitiallyScheduled (was PodGroupScheduled) itself');
  }
}

/** The edits that make a v1alpha2 Workload or PodGroup a `target` (v1beta1 or v1alpha3) object. */
export function convertObject(obj: KubeObject, target: string, context: ConversionContext): ObjectConversion {
  const out: ObjectConversion = {
    edits: [{ op: 'set', path: ['apiVersion'], value: target }],
    changes: [`apiVersion ${SCHEDULING_API_VERSION} → ${target}`],
    decisions: [],
  };
  const json = obj as unknown as Json;
  convertMetadata(json, out);
  const spec = record(json.spec) ?? {};
  if (obj.kind === 'Workload') {
    convertWorkload(spec, out);
    if ('status' in json) {
      out.edits.push({ op: 'delete', path: ['status'] });
      out.changes.push('dropped status');
    }
  } else convertPodGroup(json, spec, context, out);
  return out;
}
