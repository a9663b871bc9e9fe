// A small HTTPS Kubernetes API server for tests: read-only REST (GET, LIST, WATCH) over fixture
// objects, legacy discovery, Table output for kubectl, bearer-token auth, simulated RBAC denials and
// a switch that stops serving the workload-scheduling API. It speaks 1.36 (scheduling.k8s.io/v1alpha2) or
// 1.37 (v1beta1 and v1alpha3, one object served under both). Every request is recorded. It serves the
// webhook's self-signed localhost/127.0.0.1 pair; clients trust it through caData.

import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { LabelSelectorError, parseLabelSelector, type KubeObject } from '@kubectl-workload/api';
import { selfSignedKeyPair } from '@kubectl-workload/webhook';
import { apiGroup, apiGroupList, apiResourceList, apiVersions, version } from './discovery.js';
import {
  RESOURCES,
  groupVersion,
  isWorkloadSchedulingApi,
  KUEUE_GROUP,
  qualifiedName,
  type KubernetesVersion,
  type ReadVerb,
  type ServedResource,
} from './resources.js';
import { parseFieldSelector } from './selectors.js';
import { badRequest, forbidden, methodNotAllowed, notFound, pathNotFound, status, unauthorized, type StatusBody } from './status.js';
import { ObjectStore, type StoreEvent } from './store.js';
import { toTable, wantsTable } from './table.js';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** get, list or watch for resource requests; undefined for discovery and other paths. */
  verb?: ReadVerb;
  /** The user the request acts as: the Impersonate-User header, else the token's user. */
  user: string;
}

/** Denies a verb on a resource, in one namespace or everywhere (namespace undefined). */
export interface ForbidRule {
  resource: string;
  group?: string;
  verb?: ReadVerb;
  namespace?: string;
}

export interface ApiServerOptions {
  objects?: Iterable<KubeObject>;
  /** The bearer token clients must send; a random one by default. */
  token?: string;
  /** The user name in Forbidden messages. */
  user?: string;
  /** Serve the workload-scheduling API (1.36: v1alpha2; 1.37: v1beta1, v1alpha3); true by default. */
  serveSchedulingAlpha?: boolean;
  /** The API server's version: what /version says and which scheduling.k8s.io versions it serves. 1.36 by default. */
  kubernetesVersion?: KubernetesVersion;
  /**
   * The workload-scheduling versions enabled, as `--runtime-config=scheduling.k8s.io/v1beta1=true`
   * enables them: every one of the Kubernetes version by default. `['v1beta1']` plays a 1.37 cluster
   * without v1alpha3, hence without CompositePodGroups (ADM-10a).
   */
  schedulingVersions?: readonly string[];
  /** Gates /metrics reports as kubernetes_feature_enabled (none by default). */
  featureGates?: Readonly<Record<string, boolean>>;
  /** Serve kueue.x-k8s.io v1beta1 and v1beta2, as a cluster with Kueue installed does; false by default. */
  serveKueue?: boolean;
  /** The port to listen on; a free one by default. */
  port?: number;
}

interface ResourceRequest {
  resource: ServedResource;
  namespace?: string;
  name?: string;
}

const PUBLIC_PATHS = new Set(['/version', '/healthz', '/livez', '/readyz']);

function sendJson(res: ServerResponse, code: number, body: object): void {
  res.writeHead(code, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

const sendStatus = (res: ServerResponse, body: StatusBody): void => sendJson(res, body.code, body);

/** An object in the version it is asked for: 1.37 serves one stored PodGroup as v1beta1 and v1alpha3 alike. */
function asServed(obj: KubeObject, resource: ServedResource): KubeObject {
  return { ...obj, apiVersion: groupVersion(resource) };
}

/** List items of built-in kinds carry no apiVersion/kind on the wire; the list does. */
function withoutTypeMeta(obj: KubeObject): KubeObject {
  const { apiVersion: _apiVersion, kind: _kind, ...rest } = obj;
  return rest;
}

export class TestApiServer {
  readonly store: ObjectStore;
  readonly requests: RecordedRequest[] = [];
  readonly token: string;
  readonly user: string;
  /** Added to every response's latency, to test client timeouts. */
  latencyMs = 0;
  /** Requests hold() keeps unanswered until release(). */
  private held: Array<() => void> | undefined;
  private serveSchedulingAlpha: boolean;
  private readonly schedulingVersions: readonly string[] | undefined;
  /** What /version says and which scheduling.k8s.io versions are served; upgradeTo() changes it. */
  private speaks: KubernetesVersion;
  private readonly serveKueue: boolean;
  private forbidRules: ForbidRule[] = [];
  private readonly featureGates: Readonly<Record<string, boolean>>;
  private readonly openWatches = new Set<() => void>();
  /** Every TCP connection, TLS handshake or not: closeAllConnections() misses those not yet HTTP. */
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly caData: string,
    options: ApiServerOptions,
  ) {
    this.store = new ObjectStore(options.objects ?? []);
    this.token = options.token ?? randomBytes(16).toString('hex');
    this.user = options.user ?? 'test-user';
    this.serveSchedulingAlpha = options.serveSchedulingAlpha ?? true;
    this.schedulingVersions = options.schedulingVersions;
    this.serveKueue = options.serveKueue ?? false;
    this.speaks = options.kubernetesVersion ?? '1.36';
    this.featureGates = options.featureGates ?? {};
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const respond = (): void => this.handle(req, res);
      if (this.held) this.held.push(respond);
      else if (this.latencyMs > 0) setTimeout(respond, this.latencyMs);
      else respond();
    });
  }

  static async start(options: ApiServerOptions = {}): Promise<TestApiServer> {
    const { cert, key } = await selfSignedKeyPair();
    const server = createServer({ cert, key });
    const api = new TestApiServer(server, cert, options);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    return api;
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `https://127.0.0.1:${port}`;
  }

  get kubernetesVersion(): KubernetesVersion {
    return this.speaks;
  }

  forbid(rule: ForbidRule): void {
    this.forbidRules.push(rule);
  }

  /** From now on requests get no answer, as from a hung API server, until release(). */
  hold(): void {
    this.held ??= [];
  }

  /** Answers the held requests (a client that gave up meanwhile gets nothing) and stops holding. */
  release(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const respond of held) respond();
  }

  allowAll(): void {
    this.forbidRules = [];
  }

  /**
   * An in-place control-plane upgrade (or rollback): from now on the server speaks `version`. Open
   * watches end, as they do when kube-apiserver restarts; stored objects stay and are served in the
   * new version's scheduling.k8s.io versions.
   */
  upgradeTo(version: KubernetesVersion): void {
    this.speaks = version;
    for (const end of [...this.openWatches]) end();
  }

  setSchedulingAlphaServed(served: boolean): void {
    this.serveSchedulingAlpha = served;
  }

  /** Requests whose method was not GET: the plugin must never send one. */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  async close(): Promise<void> {
    this.held = undefined;
    for (const end of this.openWatches) end();
    this.server.closeAllConnections();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** component-base's feature gauge, as the real server prints it; forbid({ resource: '/metrics' }) denies it. */
  private metrics(res: ServerResponse, user: string): void {
    if (this.forbidRules.some((r) => r.resource === '/metrics')) {
      return sendStatus(res, status(403, 'Forbidden', `forbidden: User "${user}" cannot get path "/metrics"`));
    }
    const lines = [
      '# HELP kubernetes_feature_enabled [BETA] This metric records the data about the stage and enablement of a k8s feature.',
      '# TYPE kubernetes_feature_enabled gauge',
      ...Object.entries(this.featureGates).map(([name, on]) => `kubernetes_feature_enabled{name="${name}",stage="ALPHA"} ${on ? 1 : 0}`),
    ];
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
    res.end(`${lines.join('\n')}\n`);
  }

  private readonly served = (r: ServedResource): boolean =>
    (r.only === undefined || r.only === this.kubernetesVersion) &&
    (!isWorkloadSchedulingApi(r) || (this.serveSchedulingAlpha && (this.schedulingVersions?.includes(r.version) ?? true))) &&
    (this.serveKueue || r.group !== KUEUE_GROUP);

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'https://localhost');
    const impersonated = req.headers['impersonate-user'];
    const user = typeof impersonated === 'string' ? impersonated : this.user;
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      user,
    };
    this.requests.push(recorded);
    if (PUBLIC_PATHS.has(url.pathname)) {
      if (url.pathname === '/version') sendJson(res, 200, version(this.kubernetesVersion));
      else res.end('ok');
      return;
    }
    if (req.headers.authorization !== `Bearer ${this.token}`) return sendStatus(res, unauthorized());
    if (req.method !== 'GET') return sendStatus(res, methodNotAllowed());
    if (url.pathname === '/metrics') return this.metrics(res, user);
    const segments = url.pathname.split('/').filter((s) => s !== '');
    if (url.pathname === '/api') return sendJson(res, 200, apiVersions(req.headers.host ?? ''));
    if (url.pathname === '/apis') return sendJson(res, 200, apiGroupList(this.served));
    if (segments[0] === 'apis' && segments.length === 2) {
      const group = apiGroup(segments[1] as string, this.served);
      return group ? sendJson(res, 200, group) : sendStatus(res, pathNotFound());
    }
    const [group, ver, rest] =
      segments[0] === 'api'
        ? ['', segments[1], segments.slice(2)]
        : segments[0] === 'apis'
          ? [segments[1], segments[2], segments.slice(3)]
          : [];
    if (group === undefined || ver === undefined || rest === undefined) return sendStatus(res, pathNotFound());
    if (rest.length === 0) {
      const list = apiResourceList(group, ver, this.served);
      return list ? sendJson(res, 200, list) : sendStatus(res, pathNotFound());
    }
    const target = this.resolve(group, ver, rest);
    if (!target) return sendStatus(res, pathNotFound());
    const watch = url.searchParams.get('watch');
    const verb: ReadVerb = target.name ? 'get' : watch === '1' || watch === 'true' ? 'watch' : 'list';
    recorded.verb = verb;
    const denied = this.forbidRules.some(
      (rule) =>
        rule.resource === target.resource.resource &&
        (rule.group ?? target.resource.group) === target.resource.group &&
        (rule.verb === undefined || rule.verb === verb) &&
        (rule.namespace === undefined || rule.namespace === target.namespace),
    );
    if (denied) return sendStatus(res, forbidden(target.resource, verb, user, target.namespace, target.name));
    try {
      if (verb === 'get') this.get(req, res, target);
      else if (verb === 'list') this.list(req, res, target, url.searchParams);
      else this.watch(res, target, url.searchParams);
    } catch (err) {
      if (!(err instanceof LabelSelectorError)) throw err;
      sendStatus(res, badRequest(err.message));
    }
  }

  /** `[namespaces/<ns>/]<resource>[/<name>]` of a served group-version; undefined if not served. */
  private resolve(group: string, ver: string, rest: string[]): ResourceRequest | undefined {
    const namespaced = rest[0] === 'namespaces' && rest.length >= 3;
    const [namespace, resourceName, name, subresource] = namespaced ? rest.slice(1) : [undefined, ...rest];
    if (subresource !== undefined) return undefined;
    const resource = RESOURCES.find((r) => r.group === group && r.version === ver && r.resource === resourceName && this.served(r));
    if (!resource || (namespace !== undefined && !resource.namespaced)) return undefined;
    return { resource, namespace, name };
  }

  private get(req: IncomingMessage, res: ServerResponse, { resource, namespace, name }: ResourceRequest): void {
    const obj = this.store.get(resource, namespace ?? '', name as string);
    if (!obj) return sendStatus(res, notFound(resource, name as string));
    sendJson(
      res,
      200,
      wantsTable(req.headers.accept)
        ? toTable(resource.kind, [obj], { resourceVersion: this.store.resourceVersion })
        : asServed(obj, resource),
    );
  }

  private matcher(resource: ServedResource, query: URLSearchParams): (obj: KubeObject) => boolean {
    const labels = parseLabelSelector(query.get('labelSelector') ?? '');
    const fields = parseFieldSelector(query.get('fieldSelector') ?? '', resource.kind);
    return (obj) => labels(obj.metadata?.labels) && fields(obj);
  }

  private list(req: IncomingMessage, res: ServerResponse, { resource, namespace }: ResourceRequest, query: URLSearchParams): void {
    const matches = this.store.list(resource, namespace).filter(this.matcher(resource, query));
    const offset = Number(Buffer.from(query.get('continue') ?? '', 'base64url').toString() || '0');
    const limit = Number(query.get('limit') ?? '0');
    const page = limit > 0 ? matches.slice(offset, offset + limit) : matches.slice(offset);
    const remaining = matches.length - offset - page.length;
    const metadata = {
      resourceVersion: this.store.resourceVersion,
      ...(remaining > 0
        ? { continue: Buffer.from(String(offset + page.length)).toString('base64url'), remainingItemCount: remaining }
        : {}),
    };
    if (wantsTable(req.headers.accept)) return sendJson(res, 200, toTable(resource.kind, page, metadata));
    sendJson(res, 200, { kind: `${resource.kind}List`, apiVersion: groupVersion(resource), metadata, items: page.map(withoutTypeMeta) });
  }

  /** Newline-delimited watch events; without a resourceVersion, the current objects come first as ADDED. */
  private watch(res: ServerResponse, { resource, namespace }: ResourceRequest, query: URLSearchParams): void {
    const matches = this.matcher(resource, query);
    const relevant = (event: StoreEvent): boolean =>
      qualifiedName(event.resource) === qualifiedName(resource) &&
      (namespace === undefined || event.object.metadata?.namespace === namespace) &&
      matches(event.object);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
    // As kube-apiserver does: the client sees the watch open before the first event.
    res.flushHeaders();
    const send = (type: string, object: KubeObject): boolean =>
      res.write(`${JSON.stringify({ type, object: asServed(object, resource) })}\n`);
    const since = Number(query.get('resourceVersion') ?? '0');
    if (since === 0) for (const obj of this.store.list(resource, namespace).filter(matches)) send('ADDED', obj);
    else for (const event of this.store.changesSince(since).filter(relevant)) send(event.type, event.object);
    const unsubscribe = this.store.subscribe((event) => {
      if (relevant(event)) send(event.type, event.object);
    });
    const timeoutSeconds = Number(query.get('timeoutSeconds') ?? '0');
    const timer = timeoutSeconds > 0 ? setTimeout(() => end(), timeoutSeconds * 1000) : undefined;
    const end = (): void => {
      unsubscribe();
      clearTimeout(timer);
      this.openWatches.delete(end);
      res.end();
    };
    this.openWatches.add(end);
    res.on('close', end);
  }
}
