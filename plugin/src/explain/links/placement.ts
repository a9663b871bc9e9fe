// Link 7: the nodes. Every earlier link holds, so run the v1.36 PodGroup cycle on the cluster and
// report the outcome, per-pod reasons, per-domain capacity and a hint, beside the live condition.

import { compareLive } from '../live.js';
import { broken, ok, type LinkCheck } from '../model.js';
import { analysePlacement } from '../placement/analysis.js';
import { plural } from './objects.js';

export const placementLink: LinkCheck = (walk, input) => {
  const { podGroup, pods } = walk;
  if (!podGroup || !pods?.length) return undefined;
  const preemption = input.preemption ? { workloadAware: true, podDisruptionBudgets: input.state.podDisruptionBudgets } : undefined;
  const analysis = analysePlacement(input.state, podGroup, input.now, preemption, input.setup);
  const live = compareLive(podGroup, pods, input.events, analysis);
  const next = { ...walk, placement: analysis, live };
  // A contradicted Scheduled outcome is the live link's to report.
  const disagreement = live.agrees === false && !live.contradiction ? [`live state disagrees: ${live.note}`] : [];
  if (analysis.outcome === 'Scheduled') {
    const placed = analysis.pods.filter((p) => p.outcome === 'Scheduled').length;
    return {
      result: ok('placement', `the simulated scheduling cycle places ${placed} of ${plural(analysis.pods.length, 'pod')}`, disagreement),
      walk: next,
    };
  }
  const reasons = analysis.nodeReasons.map((r) => `${r.nodes} ${r.reason}`);
  return {
    result: broken(
      'placement',
      `the simulated scheduling cycle leaves the group ${analysis.outcome}: ${analysis.message}`,
      analysis.hint ?? 'see the per-pod reasons: free the resources they name, or relax the constraints',
      [...reasons, ...disagreement],
      ['scheduler.md §1.6', ...(analysis.topology ? ['scheduler.md §3'] : [])],
    ),
    walk: next,
  };
};
