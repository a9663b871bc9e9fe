// `simulate -f MANIFEST`: the objects a manifest would add to the cluster once its controllers ran
// (the manifest's own objects included).
// A Job gets the pods the Job controller creates (parallelism at once, indexed when Indexed) and,
// when WorkloadWithJob is on, the Workload and PodGroup that controller's version makes for it, with
// every pod naming the PodGroup and owned by it besides the Job: under 1.36 only for a gang-qualified
// Job (api-rules JOB-01..03, JOB-06..09, JOB-12), under 1.37 for every root Job, basic included, and
// a delegated Job's PodGroup from its owner's Workload, of -f or else the cluster's (api-rules-1.37
// JOB-02, JOB-06..09, JOB-28). Deployments and StatefulSets get `replicas`
// pods from their template. Every other object is added as written.

import {
  allGatesOn,
  isNamespaced,
  knownKind,
  nameOf,
  namespaceOf,
  type FeatureGates,
  type Job,
  type KubeObject,
  type KubeVersion,
  type OwnerReference,
  type Pod,
  type PodTemplateSpec,
  type Workload,
} from '@kubectl-workload/api';
import { jobControllerPlan, jobPodsAtOnce, podOwnerReferencesForJob } from '@kubectl-workload/rules';
import type { ManifestObject } from '../input/manifests.js';
import { ephemeralClaims, statefulSetClaims, type StatefulSetClaimTemplates } from './claims.js';

/** Kinds whose pods -f creates the way their controller would. */
export type ControllerKind = 'Job' | 'Deployment' | 'StatefulSet';

/** One thing the user asked about: a controller with its pods, a PodGroup, or a bare Pod. */
export interface WhatIfUnit {
  readonly kind: ControllerKind | 'PodGroup' | 'Pod';
  readonly namespace: string;
  readonly name: string;
  /** The manifest file it came from. */
  readonly file: string;
  /** The pods it creates (controllers, bare pods); undefined for a PodGroup, whose pods are whoever names it. */
  readonly pods: readonly string[] | undefined;
  /** The PodGroup its pods name, if any (generated for a gang-qualified Job). */
  readonly podGroup: string | null;
  /** Why a Job is not gang-scheduled, or creates no pods. */
  readonly notes: readonly string[];
}

export interface WhatIf {
  /**
   * Objects to add to the cluster state, each with the file it came from; `keepExisting`: a claim a
   * controller creates only when missing (the cluster's copy is used).
   */
  readonly objects: readonly { readonly object: KubeObject; readonly file: string; readonly keepExisting?: boolean }[];
  readonly units: readonly WhatIfUnit[];
}

interface ReplicatedController extends KubeObject {
  spec?: { replicas?: number; template?: PodTemplateSpec } & StatefulSetClaimTemplates['spec'];
}

/** Kinds outside the kind table (Service, ConfigMap…) count as namespaced. */
function clusterScoped(obj: KubeObject): boolean {
  return !isNamespaced(obj.kind);
}

function withNamespace<T extends KubeObject>(obj: T, namespace: string): T {
  if (clusterScoped(obj) || obj.metadata?.namespace) return obj;
  return { ...obj, metadata: { ...obj.metadata, namespace } };
}

interface PodExtras {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  podGroup?: string;
}

function controllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion ?? '',
    kind: owner.kind ?? '',
    name: nameOf(owner),
    uid: owner.metadata?.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

function podFrom(
  owner: KubeObject,
  ownerRefs: OwnerReference[],
  template: PodTemplateSpec | undefined,
  name: string,
  now: string,
  extra: PodExtras,
): Pod {
  const spec = structuredClone(template?.spec ?? {});
  if (extra.podGroup !== undefined) spec.schedulingGroup = { podGroupName: extra.podGroup };
  const labels = { ...template?.metadata?.labels, ...extra.labels };
  const annotations = { ...template?.metadata?.annotations, ...extra.annotations };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: namespaceOf(owner),
      creationTimestamp: now,
      ...(Object.keys(labels).length ? { labels } : {}),
      ...(Object.keys(annotations).length ? { annotations } : {}),
      ownerReferences: ownerRefs,
    },
    spec,
  };
}

/** A unit's objects; `claims` are created only where the cluster does not hold them yet. */
interface Produced {
  readonly unit: WhatIfUnit;
  readonly objects: KubeObject[];
  readonly claims?: readonly KubeObject[];
}

/** The cluster -f lands in, as its Job controller sees it. */
export interface WhatIfCluster {
  /** The cluster's gates (JOB-01); default all on. */
  readonly gates?: FeatureGates;
  /** Picks the Job controller's rules; default 1.36. */
  readonly kubeVersion?: KubeVersion;
  /** Workloads already in the cluster: a delegated Job's owner may be one (JOB-28). */
  readonly workloads?: readonly Workload[];
}

/** What the Job controller sees: the cluster's gates and version, and the Workloads of -f and the cluster (JOB-28). */
interface JobControllerView {
  readonly gates: FeatureGates;
  readonly kubeVersion: KubeVersion;
  readonly workloads: readonly Workload[];
}

function jobUnit(job: Job, file: string, now: string, view: JobControllerView): Produced {
  const workloads = view.workloads.filter((w) => namespaceOf(w) === namespaceOf(job));
  const plan = jobControllerPlan(job, view.kubeVersion, { gates: view.gates, workloads });
  const workload = plan.createsObjects ? plan.workload : undefined;
  const podGroup = plan.createsObjects ? plan.podGroup : undefined;
  const groupName = podGroup ? nameOf(podGroup) : undefined;
  const count = job.spec?.suspend === true ? 0 : jobPodsAtOnce(job);
  const indexed = job.spec?.completionMode === 'Indexed';
  const pods = Array.from({ length: count }, (_, i) =>
    podFrom(job, podOwnerReferencesForJob(job, podGroup), job.spec?.template, `${nameOf(job)}-${i}`, now, {
      labels: {
        'batch.kubernetes.io/job-name': nameOf(job),
        ...(indexed ? { 'batch.kubernetes.io/job-completion-index': String(i) } : {}),
      },
      ...(indexed ? { annotations: { 'batch.kubernetes.io/job-completion-index': String(i) } } : {}),
      ...(groupName !== undefined ? { podGroup: groupName } : {}),
    }),
  );
  // 1.36 manages only gang Jobs; 1.37 gives basic Jobs a PodGroup too, so "not gang" would mislead there.
  const missing = plan.version === '1.37' ? 'no PodGroup from the Job controller' : 'not gang-scheduled';
  const notes = [
    ...(podGroup ? [] : plan.reasons.map((r) => `${missing}: ${r}`)),
    ...(count === 0 ? ['spec.suspend is true: the Job creates no pods until it is resumed'] : []),
  ];
  const templateGroup = job.spec?.template?.spec?.schedulingGroup?.podGroupName ?? null;
  return {
    unit: {
      kind: 'Job',
      namespace: namespaceOf(job),
      name: nameOf(job),
      file,
      pods: pods.map(key),
      podGroup: groupName ?? templateGroup,
      notes,
    },
    objects: [job, ...(workload ? [workload] : []), ...(podGroup ? [podGroup] : []), ...pods],
  };
}

function replicatedUnit(owner: ReplicatedController, kind: 'Deployment' | 'StatefulSet', file: string, now: string): Produced {
  const template = owner.spec?.template;
  const claims: KubeObject[] = [];
  const pods = Array.from({ length: owner.spec?.replicas ?? 1 }, (_, i) => {
    const pod = podFrom(owner, [controllerRef(owner)], template, `${nameOf(owner)}-${i}`, now, {});
    if (kind === 'StatefulSet') claims.push(...statefulSetClaims(owner, pod, i));
    return pod;
  });
  const podGroup = template?.spec?.schedulingGroup?.podGroupName ?? null;
  return {
    unit: { kind, namespace: namespaceOf(owner), name: nameOf(owner), file, pods: pods.map(key), podGroup, notes: [] },
    objects: [owner, ...pods],
    claims,
  };
}

function key(obj: KubeObject): string {
  return `${namespaceOf(obj)}/${nameOf(obj)}`;
}

/** The Workloads of -f, then the cluster's that -f does not replace. */
function workloadsSeen(given: readonly KubeObject[], cluster: readonly Workload[]): Workload[] {
  const fromManifests = given.filter((o): o is Workload => knownKind(o) === 'Workload');
  const replaced = new Set(fromManifests.map(key));
  return [...fromManifests, ...cluster.filter((w) => !replaced.has(key(w)))];
}

/**
 * The what-if for the objects of -f, manifests without a namespace going to `namespace` (as
 * `kubectl apply` does). `now` is the creation time of the pods it makes: they queue after every
 * pending pod of the same priority, as new pods do.
 */
export function synthesizeWhatIf(
  manifests: readonly ManifestObject[],
  namespace: string,
  now: string,
  cluster: WhatIfCluster = {},
): WhatIf {
  const { gates = allGatesOn(), kubeVersion = '1.36' } = cluster;
  const objects: { object: KubeObject; file: string; keepExisting?: boolean }[] = [];
  const units: WhatIfUnit[] = [];
  const add = (produced: Produced, file: string) => {
    units.push(produced.unit);
    objects.push(...produced.objects.map((object) => ({ object, file })));
    objects.push(...(produced.claims ?? []).map((object) => ({ object, file, keepExisting: true })));
  };
  const given: { object: KubeObject; file: string }[] = [];
  const inManifests = manifests.map((m) => ({ object: withNamespace(m.object, namespace), file: m.file }));
  const workloads = workloadsSeen(
    inManifests.map((m) => m.object),
    cluster.workloads ?? [],
  );
  for (const manifest of inManifests) {
    const obj = manifest.object;
    const kind = knownKind(obj);
    if (kind === 'Job') add(jobUnit(obj, manifest.file, now, { gates, kubeVersion, workloads }), manifest.file);
    else if (kind === 'Deployment' || kind === 'StatefulSet') add(replicatedUnit(obj, kind, manifest.file, now), manifest.file);
    else given.push({ object: obj, file: manifest.file });
  }
  // A PodGroup is a unit of its own unless a controller of -f names it; a bare Pod unless a PodGroup of -f holds it.
  const named = new Set(units.filter((u) => u.podGroup !== null).map((u) => `${u.namespace}/${u.podGroup ?? ''}`));
  const groupsGiven = new Set(given.filter(({ object }) => knownKind(object) === 'PodGroup').map(({ object }) => key(object)));
  for (const { object, file } of given) {
    const kind = knownKind(object);
    if (kind === 'PodGroup' && !named.has(key(object))) {
      units.push({
        kind,
        namespace: namespaceOf(object),
        name: nameOf(object),
        file,
        pods: undefined,
        podGroup: nameOf(object),
        notes: [],
      });
    }
    if (kind === 'Pod') {
      const podGroup = (object as Pod).spec?.schedulingGroup?.podGroupName ?? null;
      if (podGroup === null || !groupsGiven.has(`${namespaceOf(object)}/${podGroup}`)) {
        units.push({ kind, namespace: namespaceOf(object), name: nameOf(object), file, pods: [key(object)], podGroup, notes: [] });
      }
    }
  }
  const all = [...objects, ...given];
  // The ephemeral volume controller's claims for every new pod.
  const ephemeral = all.flatMap(({ object, file }) =>
    knownKind(object) === 'Pod' ? ephemeralClaims(object as Pod).map((claim) => ({ object: claim, file, keepExisting: true })) : [],
  );
  return { objects: [...all, ...ephemeral], units };
}
