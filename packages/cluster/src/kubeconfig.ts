// Builds a client-node KubeConfig from the kubectl flags: which file, which context, and the
// per-flag overrides of cluster, user, server, token and TLS settings.

import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Cluster, Context, KubeConfig, User } from '@kubernetes/client-node';
import { loadClientNode, type ClientNode } from './client-node.js';
import { OptionError, parseRequestTimeout, type ClusterOptions } from './options.js';
import { timedKubeConfig } from './transport.js';

export interface ResolvedConfig {
  kubeConfig: KubeConfig;
  /** The loaded client library, for requests and informers. */
  k8s: ClientNode;
  /** The API server URL requests go to. */
  server: string;
  /** `-n`, else the context's namespace, else `default`. */
  namespace: string;
  /** Where the settings came from, for error messages. */
  source: string;
  /** --request-timeout in milliseconds; 0: none. */
  timeoutMs: number;
}

const FLAGS = 'flags';

function firstByName<T extends { name: string }>(items: T[]): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(item.name)) seen.set(item.name, item);
  return [...seen.values()];
}

/** Merges kubeconfig files the way kubectl merges KUBECONFIG: the first file to set a value wins. */
function loadFiles(k8s: ClientNode, files: string[]): KubeConfig {
  const parts = files.map((file) => {
    const part = new k8s.KubeConfig();
    // kubectl's wording: error loading config file "FILE": REASON.
    try {
      part.loadFromFile(file);
    } catch (err) {
      throw new OptionError(`error loading config file "${file}": ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`);
    }
    const empty = part.getContexts().length + part.getClusters().length + part.getUsers().length === 0 && !part.getCurrentContext();
    if (empty && readFileSync(file, 'utf8').trim() !== '') {
      throw new OptionError(
        `error loading config file "${file}": not a kubeconfig (a YAML or JSON object with apiVersion: v1, kind: Config, clusters, users and contexts)`,
      );
    }
    return part;
  });
  const merged = new k8s.KubeConfig();
  merged.loadFromOptions({
    clusters: firstByName(parts.flatMap((p) => p.getClusters())),
    users: firstByName(parts.flatMap((p) => p.getUsers())),
    contexts: firstByName(parts.flatMap((p) => p.getContexts())),
    currentContext: parts.map((p) => p.getCurrentContext()).find((name) => !!name),
  });
  return merged;
}

function readFiles(
  k8s: ClientNode,
  options: ClusterOptions,
  env: NodeJS.ProcessEnv,
): { kubeConfig: KubeConfig; source: string } | undefined {
  if (options.kubeconfig) {
    if (!existsSync(options.kubeconfig)) throw new OptionError(`kubeconfig file "${options.kubeconfig}" (--kubeconfig) does not exist`);
    return { kubeConfig: loadFiles(k8s, [options.kubeconfig]), source: options.kubeconfig };
  }
  const fromEnv = (env.KUBECONFIG ?? '').split(delimiter).filter((f) => f !== '' && existsSync(f));
  if (fromEnv.length > 0) return { kubeConfig: loadFiles(k8s, fromEnv), source: `$KUBECONFIG (${fromEnv.join(delimiter)})` };
  const home = join(env.HOME ?? homedir(), '.kube', 'config');
  if (existsSync(home)) return { kubeConfig: loadFiles(k8s, [home]), source: home };
  return undefined;
}

/** The names a kubeconfig defines, for completing --context, --cluster and --user. */
export interface KubeconfigNames {
  contexts: string[];
  clusters: string[];
  users: string[];
}

const sortedNames = (items: { name: string }[]): string[] => items.map((item) => item.name).sort();

/**
 * The context, cluster and user names of the kubeconfig in effect (--kubeconfig, else KUBECONFIG
 * merged, else ~/.kube/config), each sorted; none when there is no kubeconfig.
 */
export async function kubeconfigNames(
  options: Pick<ClusterOptions, 'kubeconfig'>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<KubeconfigNames> {
  const loaded = readFiles(await loadClientNode(), options, env);
  if (!loaded) return { contexts: [], clusters: [], users: [] };
  const { kubeConfig } = loaded;
  return {
    contexts: sortedNames(kubeConfig.getContexts()),
    clusters: sortedNames(kubeConfig.getClusters()),
    users: sortedNames(kubeConfig.getUsers()),
  };
}

function pick<T extends { name: string }>(items: T[], name: string, what: string, source: string): T {
  const found = items.find((item) => item.name === name);
  if (!found) throw new OptionError(`${what} "${name}" not found in ${source}`);
  return found;
}

/** Applies --context, --cluster, --user, --server, --token and the TLS flags. */
export async function resolveConfig(options: ClusterOptions, env: NodeJS.ProcessEnv = process.env): Promise<ResolvedConfig> {
  const timeoutMs = parseRequestTimeout(options.requestTimeout);
  const k8s = await loadClientNode();
  const loaded = readFiles(k8s, options, env);
  if (!loaded && !options.server) {
    // kubectl ignores KUBECONFIG files that do not exist; saying "set KUBECONFIG" when it is set misleads.
    const named = (env.KUBECONFIG ?? '').split(delimiter).filter((f) => f !== '');
    const why = named.length ? `KUBECONFIG names no file that exists (${named.join(delimiter)})` : 'no KUBECONFIG and no ~/.kube/config';
    throw new OptionError(`no configuration has been provided: ${why}; pass --kubeconfig or --server, or use --snapshot FILE`);
  }
  const kubeConfig = loaded?.kubeConfig ?? new k8s.KubeConfig();
  const source = loaded?.source ?? 'the command-line flags';
  if (options.context) pick(kubeConfig.getContexts(), options.context, 'context', source);
  const contextName = options.context ?? kubeConfig.getCurrentContext();
  const context: Context | undefined = contextName ? (kubeConfig.getContextObject(contextName) ?? undefined) : undefined;
  if (!context && !options.server && !options.cluster) {
    throw new OptionError(`no current context in ${source}: pass --context (or --server)`);
  }

  const baseCluster: Cluster | undefined = options.cluster
    ? pick(kubeConfig.getClusters(), options.cluster, 'cluster', source)
    : context && (kubeConfig.getCluster(context.cluster) ?? undefined);
  const baseUser: User | undefined = options.user
    ? pick(kubeConfig.getUsers(), options.user, 'user', source)
    : context && (kubeConfig.getUser(context.user) ?? undefined);
  const given = options.server ?? baseCluster?.server;
  if (!given) throw new OptionError(`context "${contextName}" in ${source} names no cluster with a server: pass --server or --cluster`);
  const tlsConfigured = !!(
    options.insecureSkipTlsVerify ||
    options.certificateAuthority ||
    baseCluster?.caData ||
    baseCluster?.caFile ||
    options.clientCertificate
  );
  const server = serverUrl(given, tlsConfigured);
  // Plain http has no certificate to verify; client-node refuses http unless told to skip verification.
  const insecure = server.startsWith('http://') || (options.insecureSkipTlsVerify ?? baseCluster?.skipTLSVerify ?? false);
  const cluster: Cluster = {
    name: FLAGS,
    server,
    skipTLSVerify: insecure,
    // A CA flag replaces the kubeconfig's CA; --insecure-skip-tls-verify drops it, as kubectl does.
    ...(insecure ? {} : options.certificateAuthority ? { caFile: options.certificateAuthority } : pickCa(baseCluster)),
    ...((options.tlsServerName ?? baseCluster?.tlsServerName)
      ? { tlsServerName: options.tlsServerName ?? baseCluster?.tlsServerName }
      : {}),
    ...(baseCluster?.proxyUrl ? { proxyUrl: baseCluster.proxyUrl } : {}),
  };
  for (const [flag, file] of [
    ['--certificate-authority', options.certificateAuthority],
    ['--client-certificate', options.clientCertificate],
    ['--client-key', options.clientKey],
  ] as const) {
    if (file && !existsSync(file)) throw new OptionError(`file "${file}" (${flag}) does not exist`);
  }
  const user = userFromFlags(options, baseUser);
  const namespace = options.namespace || context?.namespace || 'default';
  const resolved = timedKubeConfig(k8s, timeoutMs);
  resolved.loadFromOptions({
    clusters: [cluster],
    users: [user],
    contexts: [{ name: FLAGS, cluster: FLAGS, user: FLAGS, namespace }],
    currentContext: FLAGS,
  });
  return { kubeConfig: resolved, k8s, server, namespace, source, timeoutMs };
}

/**
 * The server as a URL, as client-go's DefaultServerURL reads it: `host:port` without a scheme is
 * https when TLS is configured, else http; anything that is no URL even then is an error naming --server.
 */
export function serverUrl(server: string, tlsConfigured: boolean): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(server) ? server : `${tlsConfigured ? 'https' : 'http'}://${server}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new OptionError(`invalid server "${server}" (--server or the kubeconfig cluster): use https://HOST:PORT or HOST:PORT`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new OptionError(`invalid server "${server}": the scheme must be https or http, not ${url.protocol.slice(0, -1)}`);
  return withScheme;
}

/** --token replaces the user's credentials; client-cert flags and --as override single fields. */
function userFromFlags(options: ClusterOptions, base: User | undefined): User {
  const user: User = options.token ? { name: FLAGS, token: options.token } : { ...(base ?? {}), name: FLAGS };
  return {
    ...user,
    ...(options.clientCertificate ? { certFile: options.clientCertificate, certData: undefined } : {}),
    ...(options.clientKey ? { keyFile: options.clientKey, keyData: undefined } : {}),
    ...(options.as ? { impersonateUser: options.as } : {}),
  };
}

function pickCa(cluster: Cluster | undefined): Partial<Cluster> {
  if (cluster?.caData) return { caData: cluster.caData };
  if (cluster?.caFile) return { caFile: cluster.caFile };
  return {};
}
