// Preemption for the simulator (spec scheduler.md §1.4, §1.6, §4, §5.1).
export { PREEMPTION_MESSAGE } from './messages.js';
export { PriorityResolver, moreImportantPod, startTime, type PreemptionPolicy } from './priority.js';
export { budgets, splitByViolation, type Budget } from './pdb.js';
export { selectVictimsOnNode, type NodeVictims } from './select-victims.js';
export { preemptPod, type CandidateTie, type PodPreemption, type PreemptionEnv } from '../plugins/default-preemption.js';
export { workloadAwarePreemption, moreImportantVictim, type VictimUnit, type WorkloadPreemption } from './workload-aware.js';
export { Preemption, type PreemptionMechanism, type PreemptionOptions, type PreemptionOutcome, type Victim } from './preemption.js';
export { describePreemption, type PreemptionSummary } from './describe.js';
export { podDisruptionBudgets } from './input.js';
