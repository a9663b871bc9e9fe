// A scheduler profile as the simulator runs it: which of the modelled plugins are enabled at Filter
// and Score, the score weights, and the plugin args that change arithmetic. The default is the
// v1.36 default profile; --scheduler-config builds others (config/scheduler-config.ts).

import { DEFAULT_SCHEDULER_NAME } from './messages.js';
import * as imageLocality from './plugins/image-locality.js';
import * as dynamicResources from './plugins/dynamic-resources.js';
import * as interPodAffinity from './plugins/inter-pod-affinity.js';
import * as nodeAffinity from './plugins/node-affinity.js';
import * as nodeName from './plugins/node-name.js';
import * as nodePorts from './plugins/node-ports.js';
import * as balancedAllocation from './plugins/node-resources-balanced-allocation.js';
import * as nodeResourcesFit from './plugins/node-resources-fit.js';
import * as nodeUnschedulable from './plugins/node-unschedulable.js';
import * as nodeVolumeLimits from './plugins/node-volume-limits.js';
import * as podTopologySpread from './plugins/pod-topology-spread.js';
import * as schedulingGates from './plugins/scheduling-gates.js';
import * as taintToleration from './plugins/taint-toleration.js';
import * as volumeBinding from './plugins/volume-binding.js';
import * as volumeZone from './plugins/volume-zone.js';
import { SYSTEM_SPREAD_DEFAULTS, type SpreadDefaults } from './spread-defaults.js';

/** PreEnqueue plugins the simulator models per profile (GangScheduling follows its feature gate instead). */
export const PRE_ENQUEUE_PLUGINS = [schedulingGates.NAME] as const;
export type PreEnqueuePlugin = (typeof PRE_ENQUEUE_PLUGINS)[number];

/** Filter plugins in the v1.36 default order (DynamicResources is GA and on; VolumeRestrictions is not modelled). */
export const FILTER_PLUGINS = [
  nodeUnschedulable.NAME,
  nodeName.NAME,
  taintToleration.NAME,
  nodeAffinity.NAME,
  nodePorts.NAME,
  nodeResourcesFit.NAME,
  nodeVolumeLimits.NAME,
  volumeBinding.NAME,
  volumeZone.NAME,
  podTopologySpread.NAME,
  interPodAffinity.NAME,
  dynamicResources.NAME,
] as const;
export type FilterPlugin = (typeof FILTER_PLUGINS)[number];

/** Score plugins in the v1.36 default order with their default weights. */
export const SCORE_WEIGHTS = {
  [taintToleration.NAME]: 3,
  [nodeAffinity.NAME]: 2,
  [nodeResourcesFit.NAME]: 1,
  [podTopologySpread.NAME]: 2,
  [interPodAffinity.NAME]: 2,
  [balancedAllocation.NAME]: 1,
  [imageLocality.NAME]: 1,
} as const;
export type ScorePlugin = keyof typeof SCORE_WEIGHTS;

export interface SchedulerProfile {
  readonly schedulerName: string;
  /** Enabled PreEnqueue plugins. */
  readonly preEnqueue: readonly PreEnqueuePlugin[];
  /** Enabled Filter plugins, in FILTER_PLUGINS order. */
  readonly filters: readonly FilterPlugin[];
  /** Score weight per plugin; 0 means disabled at Score. */
  readonly weights: Readonly<Record<ScorePlugin, number>>;
  readonly fitStrategy: nodeResourcesFit.ScoringStrategy;
  readonly balancedResources: readonly nodeResourcesFit.ResourceSpec[];
  /** InterPodAffinityArgs.hardPodAffinityWeight. */
  readonly hardPodAffinityWeight: number;
  /** PodTopologySpreadArgs defaultingType/defaultConstraints. */
  readonly spreadDefaults: SpreadDefaults;
}

export function defaultProfile(schedulerName: string = DEFAULT_SCHEDULER_NAME): SchedulerProfile {
  return {
    schedulerName,
    preEnqueue: PRE_ENQUEUE_PLUGINS,
    filters: FILTER_PLUGINS,
    weights: SCORE_WEIGHTS,
    fitStrategy: nodeResourcesFit.DEFAULT_SCORING_STRATEGY,
    balancedResources: nodeResourcesFit.DEFAULT_RESOURCES,
    hardPodAffinityWeight: interPodAffinity.DEFAULT_HARD_POD_AFFINITY_WEIGHT,
    spreadDefaults: SYSTEM_SPREAD_DEFAULTS,
  };
}
