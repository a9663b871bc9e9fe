// --scheduler-config: a kubescheduler.config.k8s.io/v1 KubeSchedulerConfiguration turned into the
// profiles the simulator runs. Plugins are merged like upstream's v1 defaulting (defaults minus
// `disabled`, `"*"` for all; an `enabled` default plugin keeps its place with the new weight, others
// are appended; a score weight of 0 means 1). Unknown fields, plugins or wrong types are errors
// naming the file and field path. Settings that do not change placements here are accepted and
// reported in `notes`.

import { DEFAULT_SCHEDULER_NAME } from '../messages.js';
import * as interPodAffinity from '../plugins/inter-pod-affinity.js';
import * as balancedAllocation from '../plugins/node-resources-balanced-allocation.js';
import * as nodeResourcesFit from '../plugins/node-resources-fit.js';
import * as podTopologySpread from '../plugins/pod-topology-spread.js';
import {
  defaultProfile,
  FILTER_PLUGINS,
  PRE_ENQUEUE_PLUGINS,
  SCORE_WEIGHTS,
  type FilterPlugin,
  type PreEnqueuePlugin,
  type SchedulerProfile,
  type ScorePlugin,
} from '../profile.js';
import { Reader, type Fields } from './reader.js';
import { SYSTEM_SPREAD_DEFAULTS, type SpreadDefaults } from '../spread-defaults.js';

export const API_VERSION = 'kubescheduler.config.k8s.io/v1';

/** The in-tree plugins of kube-scheduler v1.36 (registry.go), modelled or not. */
export const KNOWN_PLUGINS = [
  'PrioritySort',
  'SchedulingGates',
  'NodeUnschedulable',
  'NodeName',
  'TaintToleration',
  'NodeAffinity',
  'NodePorts',
  'NodeResourcesFit',
  'NodeResourcesBalancedAllocation',
  'VolumeRestrictions',
  'NodeVolumeLimits',
  'VolumeBinding',
  'VolumeZone',
  'PodTopologySpread',
  'InterPodAffinity',
  'DefaultPreemption',
  'ImageLocality',
  'DefaultBinder',
  'DynamicResources',
  'NodeDeclaredFeatures',
  'GangScheduling',
  'TopologyPlacement',
  'PodGroupPodsCount',
] as const;

const EXTENSION_POINTS = [
  'preEnqueue',
  'queueSort',
  'preFilter',
  'filter',
  'postFilter',
  'preScore',
  'score',
  'reserve',
  'permit',
  'preBind',
  'bind',
  'postBind',
  'multiPoint',
] as const;
const TOP_LEVEL = [
  'apiVersion',
  'kind',
  'parallelism',
  'leaderElection',
  'clientConnection',
  'healthzBindAddress',
  'metricsBindAddress',
  'debuggingConfiguration',
  'percentageOfNodesToScore',
  'podInitialBackoffSeconds',
  'podMaxBackoffSeconds',
  'profiles',
  'extenders',
  'delayCacheUntilActive',
];
const PROFILE_FIELDS = ['schedulerName', 'percentageOfNodesToScore', 'plugins', 'pluginConfig'];
const ARGS_HEADER = ['apiVersion', 'kind'];

export interface SchedulerConfiguration {
  readonly profiles: readonly SchedulerProfile[];
  /** Settings accepted but not modelled, one sentence each. */
  readonly notes: readonly string[];
}

interface PluginSet {
  readonly enabled: readonly { name: string; weight: number }[];
  readonly disabled: readonly string[];
}

function pluginSet(r: Reader, value: unknown, path: string): PluginSet {
  if (value === undefined) return { enabled: [], disabled: [] };
  const set = r.object(value, path, ['enabled', 'disabled']);
  const name = (item: unknown, at: string, star: boolean): string => {
    const plugin = r.object(item, at, star ? ['name'] : ['name', 'weight']);
    const text = r.string(plugin.name, `${at}.name`);
    if (!(star && text === '*')) r.oneOf(text, `${at}.name`, KNOWN_PLUGINS);
    return text;
  };
  return {
    enabled: r.list(set.enabled, `${path}.enabled`).map((item, i) => {
      const at = `${path}.enabled[${i}]`;
      const weight = (item as Fields | null)?.weight;
      return { name: name(item, at, false), weight: weight === undefined ? 0 : r.range(weight, `${at}.weight`, 0, 100) };
    }),
    disabled: r.list(set.disabled, `${path}.disabled`).map((item, i) => name(item, `${path}.disabled[${i}]`, true)),
  };
}

/** mergePluginSet: defaults minus disabled, enabled ones replacing a default in place or appended. */
function merge<T extends string>(
  defaults: readonly (readonly [T, number])[],
  sets: readonly PluginSet[],
  modelled: readonly T[],
): [T, number][] {
  let out: [T, number][] = defaults.map(([n, w]) => [n, w]);
  for (const set of sets) {
    if (set.disabled.includes('*')) out = [];
    else out = out.filter(([n]) => !set.disabled.includes(n));
    for (const { name, weight } of set.enabled) {
      if (!(modelled as readonly string[]).includes(name)) continue;
      // A weight of zero is not permitted upstream: it means 1.
      const entry: [T, number] = [name as T, weight === 0 ? 1 : weight];
      const at = out.findIndex(([n]) => n === name);
      if (at >= 0) out[at] = entry;
      else out.push(entry);
    }
  }
  return out;
}

function resources(r: Reader, value: unknown, path: string): nodeResourcesFit.ResourceSpec[] {
  return r.list(value, path).map((item, i) => {
    const at = `${path}[${i}]`;
    const spec = r.object(item, at, ['name', 'weight']);
    const name = r.string(spec.name, `${at}.name`);
    return { name, weight: r.range(spec.weight, `${at}.weight`, 1, 100, `resource weight of ${name} `) };
  });
}

function fitArgs(r: Reader, value: unknown, path: string, notes: string[]): nodeResourcesFit.ScoringStrategy {
  const args = r.object(value, path, [...ARGS_HEADER, 'ignoredResources', 'ignoredResourceGroups', 'scoringStrategy']);
  if (args.ignoredResources !== undefined || args.ignoredResourceGroups !== undefined) {
    r.list(args.ignoredResources, `${path}.ignoredResources`).forEach((v, i) => r.string(v, `${path}.ignoredResources[${i}]`));
    r.list(args.ignoredResourceGroups, `${path}.ignoredResourceGroups`).forEach((v, i) =>
      r.string(v, `${path}.ignoredResourceGroups[${i}]`),
    );
    notes.push(`${path}.ignoredResources/ignoredResourceGroups: not modelled (every requested resource is checked)`);
  }
  if (args.scoringStrategy === undefined) return nodeResourcesFit.DEFAULT_SCORING_STRATEGY;
  const at = `${path}.scoringStrategy`;
  const strategy = r.object(args.scoringStrategy, at, ['type', 'resources', 'requestedToCapacityRatio']);
  const type =
    strategy.type === undefined ? 'LeastAllocated' : r.oneOf(strategy.type, `${at}.type`, nodeResourcesFit.SCORING_STRATEGY_TYPES);
  const specs = strategy.resources === undefined ? nodeResourcesFit.DEFAULT_RESOURCES : resources(r, strategy.resources, `${at}.resources`);
  if (type !== 'RequestedToCapacityRatio') {
    if (strategy.requestedToCapacityRatio !== undefined)
      r.fail(`${at}.requestedToCapacityRatio`, `Forbidden: only for type "RequestedToCapacityRatio"`);
    return { type, resources: specs };
  }
  const ratio = r.object(strategy.requestedToCapacityRatio, `${at}.requestedToCapacityRatio`, ['shape']);
  const shapePath = `${at}.requestedToCapacityRatio.shape`;
  const points = r.list(ratio.shape, shapePath);
  if (points.length === 0) r.fail(shapePath, 'Required value: at least one point');
  let last = -1;
  const shape = points.map((item, i) => {
    const p = r.object(item, `${shapePath}[${i}]`, ['utilization', 'score']);
    const utilization = r.range(p.utilization, `${shapePath}[${i}].utilization`, 0, 100);
    if (utilization <= last)
      r.fail(`${shapePath}[${i}].utilization`, `Invalid value: ${utilization}: utilization values must be sorted in increasing order`);
    last = utilization;
    return { utilization, score: r.range(p.score, `${shapePath}[${i}].score`, 0, 10) };
  });
  return { type, resources: specs, shape };
}

/** PodTopologySpreadArgs: System (upstream's two defaults) or List (defaultConstraints, selector deduced per pod). */
function spreadArgs(r: Reader, value: unknown, path: string): SpreadDefaults {
  const args = r.object(value, path, [...ARGS_HEADER, 'defaultConstraints', 'defaultingType']);
  const type = args.defaultingType === undefined ? 'System' : r.oneOf(args.defaultingType, `${path}.defaultingType`, ['System', 'List']);
  const constraints = r.list(args.defaultConstraints, `${path}.defaultConstraints`);
  if (type === 'System' && constraints.length > 0)
    r.fail(`${path}.defaultConstraints`, 'Invalid value: when .defaultingType is "System", .defaultConstraints must be empty');
  if (type === 'System') return SYSTEM_SPREAD_DEFAULTS;
  return {
    systemDefaulted: false,
    constraints: constraints.map((item, i) => {
      const at = `${path}.defaultConstraints[${i}]`;
      const c = r.object(item, at, [
        'maxSkew',
        'topologyKey',
        'whenUnsatisfiable',
        'labelSelector',
        'minDomains',
        'nodeAffinityPolicy',
        'nodeTaintsPolicy',
        'matchLabelKeys',
      ]);
      if (c.labelSelector !== undefined)
        r.fail(`${at}.labelSelector`, 'Forbidden: constraint must not define a selector, as they deduced for each pod');
      const policy = (field: 'nodeAffinityPolicy' | 'nodeTaintsPolicy') =>
        c[field] === undefined ? {} : { [field]: r.oneOf(c[field], `${at}.${field}`, ['Honor', 'Ignore']) };
      return {
        maxSkew: r.range(c.maxSkew, `${at}.maxSkew`, 1, 2 ** 31 - 1),
        topologyKey: r.string(c.topologyKey, `${at}.topologyKey`),
        whenUnsatisfiable: r.oneOf(c.whenUnsatisfiable, `${at}.whenUnsatisfiable`, ['DoNotSchedule', 'ScheduleAnyway']),
        ...(c.minDomains === undefined ? {} : { minDomains: r.range(c.minDomains, `${at}.minDomains`, 1, 2 ** 31 - 1) }),
        ...policy('nodeAffinityPolicy'),
        ...policy('nodeTaintsPolicy'),
      };
    }),
  };
}

function profile(r: Reader, value: unknown, path: string, notes: string[]): SchedulerProfile {
  const p = r.object(value, path, PROFILE_FIELDS);
  const schedulerName = p.schedulerName === undefined ? DEFAULT_SCHEDULER_NAME : r.string(p.schedulerName, `${path}.schedulerName`);
  if (p.percentageOfNodesToScore !== undefined) {
    r.range(p.percentageOfNodesToScore, `${path}.percentageOfNodesToScore`, 0, 100);
    notes.push(`${path}.percentageOfNodesToScore: not modelled, every node is evaluated`);
  }
  const plugins = p.plugins === undefined ? {} : r.object(p.plugins, `${path}.plugins`, EXTENSION_POINTS);
  const set = (point: (typeof EXTENSION_POINTS)[number]): PluginSet => pluginSet(r, plugins[point], `${path}.plugins.${point}`);
  const multi = set('multiPoint');
  for (const point of EXTENSION_POINTS) if (point !== 'multiPoint') set(point);
  const preEnqueue = merge<PreEnqueuePlugin>(
    PRE_ENQUEUE_PLUGINS.map((n) => [n, 0] as const),
    [multi, set('preEnqueue')],
    PRE_ENQUEUE_PLUGINS,
  );
  const filters = merge<FilterPlugin>(
    FILTER_PLUGINS.map((n) => [n, 0] as const),
    [multi, set('filter')],
    FILTER_PLUGINS,
  );
  const scores = merge<ScorePlugin>(
    Object.entries(SCORE_WEIGHTS) as [ScorePlugin, number][],
    [multi, set('score')],
    Object.keys(SCORE_WEIGHTS) as ScorePlugin[],
  );
  const base = defaultProfile(schedulerName);
  let fitStrategy = base.fitStrategy;
  let balancedResources = base.balancedResources;
  let hardPodAffinityWeight = base.hardPodAffinityWeight;
  let spreadDefaults = base.spreadDefaults;
  const configured = new Set<string>();
  r.list(p.pluginConfig, `${path}.pluginConfig`).forEach((item, i) => {
    const at = `${path}.pluginConfig[${i}]`;
    const entry = r.object(item, at, ['name', 'args']);
    const name = r.oneOf(entry.name, `${at}.name`, [
      nodeResourcesFit.NAME,
      balancedAllocation.NAME,
      podTopologySpread.NAME,
      interPodAffinity.NAME,
    ]);
    if (configured.has(name)) r.fail(`${at}.name`, `Duplicate value: ${JSON.stringify(name)}`);
    configured.add(name);
    const args = `${at}.args`;
    if (name === nodeResourcesFit.NAME) fitStrategy = fitArgs(r, entry.args ?? {}, args, notes);
    else if (name === balancedAllocation.NAME) {
      const a = r.object(entry.args ?? {}, args, [...ARGS_HEADER, 'resources']);
      if (a.resources !== undefined) balancedResources = resources(r, a.resources, `${args}.resources`);
    } else if (name === podTopologySpread.NAME) spreadDefaults = spreadArgs(r, entry.args ?? {}, args);
    else {
      const a = r.object(entry.args ?? {}, args, [...ARGS_HEADER, 'hardPodAffinityWeight', 'ignorePreferredTermsOfExistingPods']);
      if (a.hardPodAffinityWeight !== undefined)
        hardPodAffinityWeight = r.range(a.hardPodAffinityWeight, `${args}.hardPodAffinityWeight`, 0, 100);
      if (
        a.ignorePreferredTermsOfExistingPods !== undefined &&
        r.boolean(a.ignorePreferredTermsOfExistingPods, `${args}.ignorePreferredTermsOfExistingPods`)
      ) {
        notes.push(`${args}.ignorePreferredTermsOfExistingPods: not modelled`);
      }
    }
  });
  const weights = Object.fromEntries(Object.keys(SCORE_WEIGHTS).map((n) => [n, 0])) as Record<ScorePlugin, number>;
  for (const [n, w] of scores) weights[n] = w;
  const enabled = new Set(filters.map(([n]) => n));
  return {
    schedulerName,
    preEnqueue: PRE_ENQUEUE_PLUGINS.filter((n) => preEnqueue.some(([p]) => p === n)),
    filters: FILTER_PLUGINS.filter((n) => enabled.has(n)),
    weights,
    fitStrategy,
    balancedResources,
    hardPodAffinityWeight,
    spreadDefaults,
  };
}

/** `doc` is the decoded file; throws SchedulerConfigError naming `file` and the field. */
export function schedulerConfiguration(doc: unknown, file: string): SchedulerConfiguration {
  const r = new Reader(file);
  const top = r.object(doc, '', TOP_LEVEL);
  if (top.apiVersion !== API_VERSION)
    r.fail('apiVersion', `Unsupported value: ${JSON.stringify(top.apiVersion ?? '')}: supported values: ${JSON.stringify(API_VERSION)}`);
  if (top.kind !== 'KubeSchedulerConfiguration')
    r.fail('kind', `Unsupported value: ${JSON.stringify(top.kind ?? '')}: supported values: "KubeSchedulerConfiguration"`);
  const notes: string[] = [];
  if (top.percentageOfNodesToScore !== undefined) {
    r.range(top.percentageOfNodesToScore, 'percentageOfNodesToScore', 0, 100);
    notes.push('percentageOfNodesToScore: not modelled, every node is evaluated');
  }
  const listed = r.list(top.profiles, 'profiles');
  const profiles = listed.length === 0 ? [defaultProfile()] : listed.map((p, i) => profile(r, p, `profiles[${i}]`, notes));
  const seen = new Set<string>();
  profiles.forEach((p, i) => {
    if (seen.has(p.schedulerName)) r.fail(`profiles[${i}].schedulerName`, `Duplicate value: ${JSON.stringify(p.schedulerName)}`);
    seen.add(p.schedulerName);
  });
  return { profiles, notes };
}
