// Preemption texts, exactly as v1.36 kube-scheduler prints them (spec scheduler.md §4, §5.1).
// Version-dependent wording is chosen here and nowhere else.

export const PREEMPTION_MESSAGE = {
  /** DefaultPreemption prefixes its status message with this (default_preemption.go PostFilter). */
  prefix: 'preemption: ',
  /** A node with no lower-priority pod (SelectVictimsOnNode; UnschedulableAndUnresolvable). */
  noVictims: 'No preemption victims found for incoming pod',
  /** Absent-node status of the preemption FitError: nodes whose filter failure was UnschedulableAndUnresolvable. */
  notHelpful: 'Preemption is not helpful for scheduling',
  policyNever: 'not eligible due to preemptionPolicy=Never.',
  terminatingOnNominated: 'not eligible due to a terminating pod on the nominated node.',
  /** Workload-aware preemption (PodGroupEvaluator). */
  noVictimsForPreemptor: 'No preemption victims found for incoming preemptor',
  constraintsUnsupported: 'workload aware preemption is not supported for pod groups with scheduling constraints',
  /** KEP-5710 PRR text for the PodGroupScheduled condition (UNVERIFIED against 1.36 code). */
  waitingForPodGroupPreemption: 'pod group is waiting for podgroup preemption to complete',
  /** The DisruptionTarget/PreemptionByScheduler condition message on a victim. */
  disruptionTarget: (schedulerName: string, preemptor: 'pod' | 'podgroup'): string =>
    `${schedulerName}: preempting to accommodate a higher priority ${preemptor}`,
} as const;
