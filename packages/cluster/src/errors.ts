// Turning client and HTTP failures into messages a person can act on: which server, which
// credentials, which API to enable, which verb and resource RBAC must grant, which name was meant.

export class ClusterAccessError extends Error {}
/** 404 for a named object (the API itself is served). */
export class ObjectNotFoundError extends ClusterAccessError {}
/** 404 for a whole group-version or resource: the API is not served. */
export class ApiNotServedError extends ClusterAccessError {}
/** 403: RBAC denies the verb on the resource. */
export class ForbiddenError extends ClusterAccessError {}

/** What a failed request was doing, so messages name it. */
export interface RequestTarget {
  server: string;
  verb: 'get' | 'list' | 'watch' | 'discover';
  /** `podgroups.scheduling.k8s.io`, `pods`. */
  resource?: string;
  group?: string;
  version?: string;
  namespace?: string;
  name?: string;
}

interface StatusLike {
  kind?: string;
  message?: string;
  reason?: string;
  details?: { name?: string };
}

/**
 * The remedies messages suggest, in the flags of the program that connects: kubectl's for the plugin,
 * --kubeconfig for the webhook (which has no --token or --server).
 */
export interface AccessHints {
  credentials: string;
  server: string;
  certificateAuthority: string;
  /** The flag that sets the request timeout, if the program has one. */
  timeoutFlag?: string;
}

export const KUBECTL_HINTS: AccessHints = {
  credentials: 'log in again, or check --token / --user and the kubeconfig',
  server: 'check --server / the kubeconfig cluster, and that the cluster is running',
  certificateAuthority: "check the kubeconfig's certificate-authority or --certificate-authority",
  timeoutFlag: '--request-timeout',
};

/** The workload-scheduling versions a 404 explains, with what they serve (ADM-10: v1beta1 has no CompositePodGroup). */
const SCHEDULING_API: Readonly<Record<string, string>> = {
  'scheduling.k8s.io/v1alpha2': 'Workload, PodGroup',
  'scheduling.k8s.io/v1beta1': 'Workload, PodGroup',
  'scheduling.k8s.io/v1alpha3': 'Workload, PodGroup, CompositePodGroup',
};

function scopeText(target: RequestTarget): string {
  return target.namespace ? ` in namespace "${target.namespace}"` : '';
}

function parseStatus(body: string): StatusLike | undefined {
  try {
    const parsed = JSON.parse(body) as unknown;
    return typeof parsed === 'object' && parsed !== null && (parsed as StatusLike).kind === 'Status' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The API server answered with an error status. */
export function httpError(code: number, body: string, target: RequestTarget, hints: AccessHints): ClusterAccessError {
  const status = parseStatus(body);
  const said = status?.message ?? body.trim().slice(0, 200);
  const groupVersion = target.group ? `${target.group}/${target.version}` : target.version;
  if (code === 401) {
    return new ClusterAccessError(
      `the API server at ${target.server} rejected the credentials (401 Unauthorized): the token or client certificate is invalid or expired; ${hints.credentials}`,
    );
  }
  if (code === 403) {
    const what = target.name ? `${target.verb} ${target.resource} "${target.name}"` : `${target.verb} ${target.resource}`;
    return new ForbiddenError(
      `forbidden: you may not ${what}${target.namespace ? ` in namespace "${target.namespace}"` : ' at the cluster scope'}; ask for RBAC permission to ${target.verb} "${target.resource}" (server said: ${said})`,
    );
  }
  if (code === 404 && !status?.details?.name) {
    const kinds = groupVersion === undefined ? undefined : SCHEDULING_API[groupVersion];
    if (kinds) {
      return new ApiNotServedError(
        `the API server at ${target.server} does not serve ${groupVersion} (${kinds}): enable the feature gate GenericWorkload and --runtime-config=${groupVersion}=true on kube-apiserver`,
      );
    }
    return new ApiNotServedError(
      `the API server at ${target.server} does not serve ${target.resource ?? 'the requested resource'} (${groupVersion ?? 'unknown API'})`,
    );
  }
  if (code === 404) return new ObjectNotFoundError(`${target.resource} "${target.name}" not found${scopeText(target)}`);
  const reason = status?.reason ? ` ${status.reason}` : '';
  return new ClusterAccessError(
    `the API server at ${target.server} answered ${code}${reason} to ${target.verb} ${target.resource ?? ''}${scopeText(target)}: ${said}`,
  );
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed',
};

const TLS_CODE = /CERT|SELF_SIGNED|UNABLE_TO|ERR_TLS|HOSTNAME|ALTNAME/;

function errorCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

function innermostMessage(err: unknown): string {
  let e: unknown = err;
  while ((e as { cause?: unknown })?.cause) e = (e as { cause: unknown }).cause;
  return e instanceof Error ? e.message : String(e);
}

/** The request never got an answer: network, TLS, timeout. */
export function transportError(err: unknown, target: RequestTarget, timeoutMs: number, hints: AccessHints): ClusterAccessError {
  const flag = hints.timeoutFlag ? ` (${hints.timeoutFlag})` : '';
  if ((err as { name?: string })?.name === 'TimeoutError' || (err as { name?: string })?.name === 'AbortError') {
    return new ClusterAccessError(`the API server at ${target.server} did not answer within ${timeoutMs / 1000}s${flag}`);
  }
  const code = errorCode(err);
  // The connect timeout is the request timeout (transport.ts), which may fire before the abort signal.
  if (code === 'UND_ERR_CONNECT_TIMEOUT' && timeoutMs > 0) {
    return new ClusterAccessError(`the API server at ${target.server} did not accept the connection within ${timeoutMs / 1000}s${flag}`);
  }
  if (code && TLS_CODE.test(code)) {
    return new ClusterAccessError(
      `cannot verify the API server's certificate at ${target.server} (${innermostMessage(err)}): ${hints.certificateAuthority}`,
    );
  }
  const why = (code && NETWORK_CODES[code]) ?? innermostMessage(err);
  return new ClusterAccessError(`cannot reach the API server at ${target.server}: ${why}; ${hints.server}`);
}
