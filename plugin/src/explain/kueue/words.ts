// Kueue's side of a gated gang, in words for the gates link: what the finding says, line by line.

import type { KueueFinding, QuotaLine } from './reader.js';

const quotaLine = (q: QuotaLine): string =>
  `${q.resource} in flavor ${q.flavor}: requested ${q.requested}, available ${q.available} (nominalQuota ${q.nominalQuota}, reserved ${q.reserved})${q.fits ? '' : ' - short'}`;

/** One phrase for the summary line. */
export function kueueSummary(k: KueueFinding): string {
  const wl = `Kueue Workload ${k.workload ?? ''}`;
  switch (k.verdict) {
    case 'no-workload':
      return 'Kueue has no Workload for these pods';
    case 'deactivated':
      return `${wl} is deactivated (spec.active: false)`;
    case 'pending':
      return `${wl} is not yet admitted (Kueue has not evaluated it)`;
    case 'inadmissible':
      return `${wl} is inadmissible: ${k.message ?? ''}`;
    case 'quota': {
      const short = k.quota
        .filter((q) => !q.fits)
        .map((q) => `${q.resource} in ${q.flavor}: requested ${q.requested}, available ${q.available}`);
      return `${wl} waits for quota in ClusterQueue ${k.clusterQueue ?? '?'}${short.length ? ` (${short.join('; ')})` : ''}`;
    }
    case 'admission-checks':
      return `${wl} has quota reserved but waits for admission checks`;
    case 'admitted':
      return `${wl} is admitted: Kueue has yet to remove the gates`;
  }
}

/** The chain Workload → LocalQueue → ClusterQueue, Kueue's condition and message, quota per flavor. */
export function kueueDetails(k: KueueFinding | undefined): string[] {
  if (!k) return ['Kueue: no kueue.x-k8s.io objects in the cluster view (Kueue not installed, or a snapshot without them)'];
  const lines: string[] = [];
  lines.push(
    k.workload
      ? `Kueue Workload ${k.workload} (linked by ${k.linkedBy ?? '?'})`
      : 'Kueue Workload: none found for these pods (no owner reference, pod-group label or workload annotation leads to one)',
  );
  if (k.localQueue) lines.push(`LocalQueue ${k.localQueue}${k.localQueueFound ? '' : ' (not found)'}`);
  else lines.push('LocalQueue: none named (no spec.queueName, no kueue.x-k8s.io/queue-name label)');
  if (k.clusterQueue) lines.push(`ClusterQueue ${k.clusterQueue}${k.clusterQueueFound ? '' : ' (not found)'}`);
  if (k.condition) lines.push(`Kueue: ${k.condition}${k.message ? `: ${k.message}` : ''}`);
  lines.push(...k.quota.map(quotaLine));
  lines.push(...k.pendingChecks.map((c) => `admission check ${c}`));
  return lines;
}

/** What to do, by verdict. */
export function kueueFix(k: KueueFinding): string {
  switch (k.verdict) {
    case 'no-workload':
      return k.localQueue && !k.localQueueFound
        ? `create LocalQueue ${k.localQueue} (the kueue.x-k8s.io/queue-name label names it), or point the pods at an existing one`
        : 'check the Kueue controller manager: it creates a Workload for pods with the kueue.x-k8s.io/queue-name label';
    case 'deactivated':
      return `set spec.active: true on Kueue Workload ${k.workload ?? ''} to queue it again`;
    case 'pending':
      return `wait for Kueue to evaluate Workload ${k.workload ?? ''}; if it stays so, check the Kueue controller manager`;
    case 'inadmissible':
      return !k.localQueueFound
        ? `create LocalQueue ${k.localQueue ?? '(none named)'} or point the Workload at an existing one`
        : !k.clusterQueueFound
          ? `create ClusterQueue ${k.clusterQueue ?? ''} (LocalQueue ${k.localQueue ?? ''} points at it)`
          : `fix what Kueue names for ClusterQueue ${k.clusterQueue ?? ''} (it must be active: flavors exist, not stopped)`;
    case 'quota':
      return `free quota in ClusterQueue ${k.clusterQueue ?? ''} (finish or delete admitted Workloads) or raise its nominalQuota${k.cohort ? `, or lend it quota from cohort ${k.cohort}` : ''}`;
    case 'admission-checks':
      return `the admission checks of ClusterQueue ${k.clusterQueue ?? ''} must report Ready for Workload ${k.workload ?? ''}`;
    case 'admitted':
      return 'Kueue removes the gates right after admission; if they stay, check the Kueue controller manager logs';
  }
}
