// Which scheduler profiles and gates a simulation runs. With --scheduler-config: its profiles.
// Without: the default, plus a group's own scheduler name run with the default v1.36 plugins,
// said in a note.

import type { FeatureGates, KubeVersion, Pod } from '@kubectl-workload/api';
import { DEFAULT_SCHEDULER_NAME, defaultProfile, type SchedulerConfiguration, type SimulationOptions } from '@kubectl-workload/simulator';

/** What --feature-gates / --scheduler-config (or their defaults) gave explain. */
export interface ExplainSetup {
  readonly gates?: FeatureGates;
  /** --kube-version, or the version the cluster/snapshot serves (default 1.36). */
  readonly kubeVersion?: KubeVersion;
  readonly config?: SchedulerConfiguration;
  /** --html-group-by: the node label the picture groups nodes by when the gang has no topology key. */
  readonly groupBy?: string;
}

export interface Profiles {
  readonly note: string | null;
  /** The options every simulation of this explain runs with. */
  readonly simulation: Pick<SimulationOptions, 'gates' | 'kubeVersion' | 'profiles' | 'schedulerNames'>;
  /** Which profile and scoring strategy decide the group's placement. */
  readonly decidedBy: string;
}

export function profilesFor(members: readonly Pod[], setup: ExplainSetup = {}): Profiles {
  const own = members[0]?.spec?.schedulerName || DEFAULT_SCHEDULER_NAME;
  const gates = { ...(setup.gates ? { gates: setup.gates } : {}), ...(setup.kubeVersion ? { kubeVersion: setup.kubeVersion } : {}) };
  if (setup.config) {
    const profile = setup.config.profiles.find((p) => p.schedulerName === own);
    return {
      note: null,
      simulation: { ...gates, profiles: setup.config.profiles },
      decidedBy: profile
        ? `profile "${own}" of --scheduler-config, NodeResourcesFit ${profile.fitStrategy.type}`
        : `no profile of --scheduler-config serves "${own}"`,
    };
  }
  const custom = [...new Set(members.map((p) => p.spec?.schedulerName || DEFAULT_SCHEDULER_NAME))].filter(
    (n) => n !== DEFAULT_SCHEDULER_NAME,
  );
  const names = [DEFAULT_SCHEDULER_NAME, ...custom];
  return {
    note: custom.length ? `scheduler ${custom.map((n) => `"${n}"`).join(', ')} simulated with the default v1.36 plugins` : null,
    simulation: { ...gates, schedulerNames: names },
    decidedBy: `profile "${own}" (default v1.36 plugins), NodeResourcesFit ${defaultProfile().fitStrategy.type}`,
  };
}
