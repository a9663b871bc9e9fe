// What a simulate report lists: everything, the namespace of `-n`, and with `-f` only the what-if
// (its pods, the PodGroups it makes or names, and pending pods naming those). The simulation itself
// always covers the whole cluster.

import type { ReportSelection } from '../simulate/report.js';
import type { WhatIf } from './synthesize.js';

export function reportSelection(options: { namespace: string | undefined; whatIf: WhatIf | undefined }): ReportSelection | undefined {
  const { namespace } = options;
  // Only added nodes or PriorityClasses (`-f node.yaml`): nothing to focus on, every pending pod matters.
  const whatIf = options.whatIf?.units.length ? options.whatIf : undefined;
  if (namespace === undefined && whatIf === undefined) return undefined;
  const groups = new Set(whatIf?.units.flatMap((u) => (u.podGroup === null ? [] : [`${u.namespace}/${u.podGroup}`])));
  const pods = new Set(whatIf?.units.flatMap((u) => u.pods ?? []));
  const inNamespace = (ns: string) => namespace === undefined || ns === namespace;
  const groupWanted = (ns: string, name: string) => whatIf === undefined || groups.has(`${ns}/${name}`);
  return {
    podGroup: (ns, name) => inNamespace(ns) && groupWanted(ns, name),
    pod: (ns, name, podGroup) =>
      inNamespace(ns) && (whatIf === undefined || pods.has(`${ns}/${name}`) || (podGroup !== null && groups.has(`${ns}/${podGroup}`))),
  };
}
