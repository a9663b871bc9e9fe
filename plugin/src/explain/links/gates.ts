// Link 5: scheduling gates. A pod with spec.schedulingGates never leaves SchedulingGates PreEnqueue
// ("waiting for scheduling gates: [...]"); a gang member held there still counts as present for
// GangScheduling but is never gathered into a cycle, so too many gated members keep the gang below
// minCount at Permit. Name each gate, who removes it, and for Kueue's gate what Kueue says.

import { nameOf, type Pod } from '@kubectl-workload/api';
import { gatesOf, schedulingGatesPreEnqueue } from '@kubectl-workload/simulator';
import { groupBy } from '../../group-by.js';
import { readKueue, type KueueFinding } from '../kueue/reader.js';
import { kueueDetails, kueueFix, kueueSummary } from '../kueue/words.js';
import { broken, info, type LinkCheck } from '../model.js';
import { label, plural } from './objects.js';

export const KUEUE_ADMISSION_GATE = 'kueue.x-k8s.io/admission';

/** Gates whose owner we know: who removes the gate, and when. */
export const KNOWN_GATES: Readonly<Record<string, string>> = {
  [KUEUE_ADMISSION_GATE]:
    'Kueue removes it once the pods’ Kueue Workload is admitted (quota reserved in its ClusterQueue, admission checks passed)',
  'kueue.x-k8s.io/topology':
    'Kueue (Topology-Aware Scheduling) removes it after admission, once it has written the assigned topology domain into the pod’s nodeSelector',
};

const UNKNOWN_GATE = 'not a gate this tool knows: the controller that added it (see the pod’s metadata.managedFields) must remove it';

const listed = (pods: readonly Pod[]): string => {
  const names = pods.slice(0, 5).map((p) => nameOf(p));
  return pods.length > 5 ? `${names.join(', ')}, … (${pods.length})` : names.join(', ');
};

/** One line per gate, in first-seen order: on which pods, and who removes it. */
function gateLines(gated: readonly Pod[]): string[] {
  const byGate = groupBy(
    gated.flatMap((pod) => gatesOf(pod).map((gate) => ({ gate, pod }))),
    (held) => held.gate,
  );
  return [...byGate].map(([gate, held]) => {
    const pods = held.map((h) => h.pod);
    return `gate ${gate} on ${plural(pods.length, 'pod')} (${listed(pods)}): ${KNOWN_GATES[gate] ?? UNKNOWN_GATE}`;
  });
}

export const gatesLink: LinkCheck = (walk, input) => {
  // A Pod target outside any group (Kueue's plain pods and pod groups) is read on its own.
  const podGroup = walk.podGroup;
  const pods = podGroup ? walk.pods : walk.pod && [walk.pod];
  if (!pods?.length) return undefined;
  const waiting = pods.filter((p) => !p.spec?.nodeName);
  const gated = waiting.filter((p) => gatesOf(p).length > 0);
  if (gated.length === 0) return undefined;
  const kueueGated = gated.filter((p) => gatesOf(p).includes(KUEUE_ADMISSION_GATE));
  const kueue: KueueFinding | undefined = kueueGated.length && input.state.kueue ? readKueue(kueueGated, input.state.kueue) : undefined;
  const next = { ...walk, ...(kueue ? { kueue } : {}) };
  const minCount = podGroup?.spec?.schedulingPolicy?.gang?.minCount;
  const ungated = pods.length - gated.length;
  const held = minCount !== undefined ? ungated < minCount : gated.length === waiting.length;
  const names = [...new Set(gated.flatMap(gatesOf))];
  const details = [
    `${nameOf(gated[0] as Pod)}: ${schedulingGatesPreEnqueue(gated[0] as Pod) ?? ''} (PodScheduled=False/SchedulingGated)`,
    ...gateLines(gated),
    ...(kueueGated.length ? kueueDetails(kueue) : []),
  ];
  const refs = ['pkg/scheduler/framework/plugins/schedulinggates', 'scheduler.md §1.1', 'scheduler.md §1.2'];
  if (!held) {
    const left =
      minCount === undefined
        ? `${plural(ungated, 'pod')} without gates can still be scheduled`
        : `the ${ungated} without gates still meet minCount ${minCount}`;
    return {
      result: info(
        'gates',
        `${gated.length} of ${plural(pods.length, 'pod')} wait for scheduling gates (${names.join(', ')}); ${left}`,
        details,
        refs,
      ),
      walk: next,
    };
  }
  const without = ungated === 0 ? 'none' : `only ${ungated}`;
  const need = minCount === undefined ? 'every waiting pod is gated' : `${without} without gates, below minCount ${minCount}`;
  const what = podGroup
    ? `${gated.length} of ${plural(pods.length, 'pod')} wait for scheduling gates (${names.join(', ')}): ${need}`
    : `Pod ${label(gated[0] as Pod)} waits for scheduling gates (${names.join(', ')})`;
  const summary = `${what}${kueue ? `; ${kueueSummary(kueue)}` : ''}`;
  const fix = kueue
    ? kueueFix(kueue)
    : kueueGated.length
      ? 'Kueue holds these pods until it admits their Workload: run explain against the cluster, or snapshot it with Kueue installed, to see why it has not'
      : 'the controllers named per gate below must remove the gates; nothing schedules the pods before that';
  return { result: broken('gates', summary, fix, details, refs), walk: next };
};
