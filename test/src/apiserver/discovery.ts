// Legacy (unaggregated) discovery documents: /api, /apis, /api/v1, /apis/<group>/<version>.
// kubectl asks for aggregated discovery first and falls back to these when it gets plain JSON.

import { DISCOVERY_VERBS, RESOURCES, groupVersion, type KubernetesVersion, type ServedResource } from './resources.js';

export type ServedFilter = (r: ServedResource) => boolean;

export function apiVersions(serverAddress: string): object {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

export function apiGroupList(served: ServedFilter): object {
  const byGroup = new Map<string, string[]>();
  for (const r of RESOURCES.filter((r) => r.group !== '' && served(r))) {
    const versions = byGroup.get(r.group) ?? [];
    if (!versions.includes(r.version)) versions.push(r.version);
    byGroup.set(r.group, versions);
  }
  const groups = [...byGroup.entries()].map(([name, versions]) => {
    const entries = versions.map((version) => ({ groupVersion: `${name}/${version}`, version }));
    // The real server prefers the GA version of a group when one is served.
    const preferred = entries.find((e) => /^v\d+$/.test(e.version)) ?? entries[0];
    return { name, versions: entries, preferredVersion: preferred };
  });
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

export function apiGroup(group: string, served: ServedFilter): object | undefined {
  const list = apiGroupList(served) as { groups: Array<{ name: string }> };
  const found = list.groups.find((g) => g.name === group);
  return found && { kind: 'APIGroup', apiVersion: 'v1', ...found };
}

/** The APIResourceList of one group-version, or undefined when it is not served. */
export function apiResourceList(group: string, version: string, served: ServedFilter): object | undefined {
  const resources = RESOURCES.filter((r) => r.group === group && r.version === version && served(r));
  if (resources.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: groupVersion({ group, version }),
    resources: resources.map((r) => ({
      name: r.resource,
      singularName: r.singularName,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: DISCOVERY_VERBS,
      ...(r.shortNames ? { shortNames: r.shortNames } : {}),
    })),
  };
}

export function version(kubernetes: KubernetesVersion): object {
  const minor = kubernetes.split('.')[1] as string;
  return {
    major: '1',
    minor,
    gitVersion: `v${kubernetes}.0`,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2026-04-22T00:00:00Z',
    goVersion: 'go1.26.0',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}
