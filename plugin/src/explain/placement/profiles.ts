// Which scheduler profiles a simulation runs: the default, plus a group's own scheduler name run
// with the default v1.36 plugins (the simulator knows no other plugin set), said in a note.

import type { Pod } from '@kubectl-workload/api';
import { DEFAULT_SCHEDULER_NAME } from '@kubectl-workload/simulator';

export interface Profiles {
  readonly names: readonly string[];
  readonly note: string | null;
}

export function profilesFor(members: readonly Pod[]): Profiles {
  const custom = [...new Set(members.map((p) => p.spec?.schedulerName || DEFAULT_SCHEDULER_NAME))].filter((n) => n !== DEFAULT_SCHEDULER_NAME);
  return {
    names: [DEFAULT_SCHEDULER_NAME, ...custom],
    note: custom.length ? `scheduler ${custom.map((n) => `"${n}"`).join(', ')} simulated with the default v1.36 plugins` : null,
  };
}
