// Following a Kueue-gated gang to Kueue (read-only): its Workload, LocalQueue and ClusterQueue, and why
// Kueue has not admitted it, from what Kueue itself wrote in status (conditions, flavorsReservation).
// Nothing here re-decides admission: quota lines only put Kueue's own numbers side by side.

import { namespaceOf, nameOf, type Condition, type KubeObject, type Pod } from '@kubectl-workload/api';
import type { ClusterQueue, KueueState, KueueWorkload, LocalQueue } from '@kubectl-workload/cluster';
import { controllerRefOf } from '@kubectl-workload/rules';
import { podRequests } from '@kubectl-workload/simulator';
import { addList, formatNanos, nanosOf } from './quantities.js';

/** Kueue's pod-integration labels and annotations (pkg/controller/jobs/pod/constants, apis/kueue). */
export const KUEUE_LABELS = {
  queueName: 'kueue.x-k8s.io/queue-name',
  podGroupName: 'kueue.x-k8s.io/pod-group-name',
  workloadAnnotation: 'kueue.x-k8s.io/workload',
} as const;

/** Workload condition types and the QuotaReserved=False reason Kueue uses for a missing or inactive queue. */
export const KUEUE_CONDITIONS = { quotaReserved: 'QuotaReserved', admitted: 'Admitted', evicted: 'Evicted' } as const;
export const INADMISSIBLE_REASON = 'Inadmissible';

/**
 * Why the Workload is not admitted: `no-workload` (Kueue made none yet), `deactivated` (spec.active
 * false), `pending` (no QuotaReserved condition yet), `inadmissible` (QuotaReserved=False/Inadmissible),
 * `quota` (QuotaReserved=False for another reason: it waits for quota), `admission-checks` (quota
 * reserved, checks not passed), `admitted` (Kueue has still to remove its gates).
 */
export type KueueVerdict = 'no-workload' | 'deactivated' | 'pending' | 'inadmissible' | 'quota' | 'admission-checks' | 'admitted';

/** One flavor of the ClusterQueue for one requested resource, in Kueue's own numbers. */
export interface QuotaLine {
  readonly flavor: string;
  readonly resource: string;
  readonly requested: string;
  readonly nominalQuota: string;
  /** status.flavorsReservation[flavor].resources[resource].total. */
  readonly reserved: string;
  /** nominalQuota − reserved, without what the cohort could lend. */
  readonly available: string;
  readonly fits: boolean;
}

export interface KueueFinding {
  /** `namespace/name` of the Kueue Workload, when found. */
  readonly workload: string | null;
  /** How the Workload was found: owner reference, pod-group label or workload annotation. */
  readonly linkedBy: string | null;
  readonly localQueue: string | null;
  readonly localQueueFound: boolean;
  readonly clusterQueue: string | null;
  readonly clusterQueueFound: boolean;
  /** The ClusterQueue's cohort (v1beta1 spec.cohort, v1beta2 spec.cohortName): it may borrow there. */
  readonly cohort: string | null;
  readonly verdict: KueueVerdict;
  /** The Kueue condition behind the verdict, as `Type=Status/Reason`. */
  readonly condition: string | null;
  /** Kueue's own message for it. */
  readonly message: string | null;
  readonly quota: readonly QuotaLine[];
  /** Admission checks not yet Ready, as `name: state (message)`. */
  readonly pendingChecks: readonly string[];
}

const owns = (wl: KubeObject, obj: KubeObject): boolean =>
  (wl.metadata?.ownerReferences ?? []).some(
    (r) => (r.uid && r.uid === obj.metadata?.uid) || (r.kind === obj.kind && r.name === nameOf(obj)),
  );

/** The Workload Kueue made for these pods, and how it links them. */
export function findWorkload(pods: readonly Pod[], state: KueueState): { workload: KueueWorkload; linkedBy: string } | undefined {
  const namespace = pods[0] ? namespaceOf(pods[0]) : '';
  const candidates = state.workloads.filter((w) => namespaceOf(w) === namespace);
  for (const pod of pods) {
    const annotated = pod.metadata?.annotations?.[KUEUE_LABELS.workloadAnnotation];
    const byAnnotation = annotated && candidates.find((w) => nameOf(w) === annotated);
    if (byAnnotation) return { workload: byAnnotation, linkedBy: `pod annotation ${KUEUE_LABELS.workloadAnnotation}` };
    const group = pod.metadata?.labels?.[KUEUE_LABELS.podGroupName];
    const byGroup = group && candidates.find((w) => nameOf(w) === group);
    if (byGroup) return { workload: byGroup, linkedBy: `pod label ${KUEUE_LABELS.podGroupName}` };
    const byPod = candidates.find((w) => owns(w, { kind: 'Pod', ...pod }));
    if (byPod) return { workload: byPod, linkedBy: `owner reference to Pod ${nameOf(pod)}` };
    const controller = controllerRefOf(pod);
    const byController =
      controller && candidates.find((w) => owns(w, { kind: controller.kind, metadata: { name: controller.name, uid: controller.uid } }));
    if (controller && byController) return { workload: byController, linkedBy: `owner reference to ${controller.kind} ${controller.name}` };
  }
  return undefined;
}

const conditionOf = (wl: KueueWorkload, type: string): Condition | undefined => wl.status?.conditions?.find((c) => c.type === type);
const said = (c: Condition): string => `${c.type}=${c.status}${c.reason ? `/${c.reason}` : ''}`;

/** Total requested per resource: Kueue's status.resourceRequests, else count × per-pod requests of each pod set. */
export function requested(wl: KueueWorkload): Map<string, bigint> {
  const total = new Map<string, bigint>();
  const fromStatus = wl.status?.resourceRequests;
  if (fromStatus?.length) {
    for (const podSet of fromStatus) addList(total, podSet.resources);
    return total;
  }
  for (const podSet of wl.spec?.podSets ?? []) {
    const perPod = podRequests({ spec: podSet.template?.spec ?? {} }).requests;
    const count = BigInt(podSet.count ?? 1);
    // The simulator reads cpu in millicores and everything else in whole units.
    for (const [name, value] of perPod)
      total.set(name, (total.get(name) ?? 0n) + BigInt(value) * (name === 'cpu' ? 1_000_000n : 1_000_000_000n) * count);
  }
  return total;
}

/** Per flavor and requested resource: the ClusterQueue's nominal quota beside what Kueue reports reserved. */
export function quotaLines(cq: ClusterQueue, want: ReadonlyMap<string, bigint>): QuotaLine[] {
  const lines: QuotaLine[] = [];
  const reserved = (flavor: string, resource: string): bigint =>
    nanosOf(
      cq.status?.flavorsReservation?.find((f) => f.name === flavor)?.resources?.find((r) => r.name === resource)?.total ??
        cq.status?.flavorsUsage?.find((f) => f.name === flavor)?.resources?.find((r) => r.name === resource)?.total,
    );
  for (const [resource, amount] of want) {
    for (const group of cq.spec?.resourceGroups ?? []) {
      if (!group.coveredResources?.includes(resource)) continue;
      for (const flavor of group.flavors ?? []) {
        const quota = flavor.resources?.find((r) => r.name === resource);
        if (!quota) continue;
        const nominal = nanosOf(quota.nominalQuota);
        const used = reserved(flavor.name ?? '', resource);
        const available = nominal - used;
        lines.push({
          flavor: flavor.name ?? '',
          resource,
          requested: formatNanos(amount),
          nominalQuota: formatNanos(nominal),
          reserved: formatNanos(used),
          available: formatNanos(available),
          fits: amount <= available,
        });
      }
    }
  }
  return lines;
}

function verdictOf(wl: KueueWorkload): { verdict: KueueVerdict; condition: Condition | undefined } {
  const admitted = conditionOf(wl, KUEUE_CONDITIONS.admitted);
  if (admitted?.status === 'True') return { verdict: 'admitted', condition: admitted };
  if (wl.spec?.active === false) return { verdict: 'deactivated', condition: conditionOf(wl, KUEUE_CONDITIONS.evicted) };
  const reserved = conditionOf(wl, KUEUE_CONDITIONS.quotaReserved);
  if (!reserved) return { verdict: 'pending', condition: undefined };
  if (reserved.status === 'True') return { verdict: 'admission-checks', condition: admitted ?? reserved };
  return { verdict: reserved.reason === INADMISSIBLE_REASON ? 'inadmissible' : 'quota', condition: reserved };
}

/** What Kueue says about the gang whose `pods` it gates. */
export function readKueue(pods: readonly Pod[], state: KueueState): KueueFinding {
  const namespace = pods[0] ? namespaceOf(pods[0]) : '';
  const found = findWorkload(pods, state);
  const wl = found?.workload;
  const queueName = wl?.spec?.queueName ?? pods.map((p) => p.metadata?.labels?.[KUEUE_LABELS.queueName]).find((q) => q);
  const lq: LocalQueue | undefined = queueName
    ? state.localQueues.find((q) => namespaceOf(q) === namespace && nameOf(q) === queueName)
    : undefined;
  const cqName = lq?.spec?.clusterQueue ?? wl?.status?.admission?.clusterQueue;
  const cq = cqName ? state.clusterQueues.find((q) => nameOf(q) === cqName) : undefined;
  const base = {
    workload: wl ? `${namespaceOf(wl)}/${nameOf(wl)}` : null,
    linkedBy: found?.linkedBy ?? null,
    localQueue: queueName ? `${namespace}/${queueName}` : null,
    localQueueFound: lq !== undefined,
    clusterQueue: cqName ?? null,
    clusterQueueFound: cq !== undefined,
    cohort: cq?.spec?.cohortName ?? cq?.spec?.cohort ?? null,
  };
  if (!wl) return { ...base, verdict: 'no-workload', condition: null, message: null, quota: [], pendingChecks: [] };
  const { verdict, condition } = verdictOf(wl);
  const quota = cq && (verdict === 'quota' || verdict === 'pending') ? quotaLines(cq, requested(wl)) : [];
  const pendingChecks =
    verdict === 'admission-checks'
      ? (wl.status?.admissionChecks ?? [])
          .filter((c) => c.state !== 'Ready')
          .map((c) => `${c.name ?? ''}: ${c.state ?? 'Pending'}${c.message ? ` (${c.message})` : ''}`)
      : [];
  return {
    ...base,
    verdict,
    condition: condition ? said(condition) : null,
    message: condition?.message || null,
    quota,
    pendingChecks,
  };
}
