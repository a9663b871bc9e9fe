// One authenticated GET against the API server through client-node's own HTTP stack (its undici
// dispatcher carries the kubeconfig's TLS settings), with kubectl's --request-timeout (transport.ts).

import type { KubeConfig } from '@kubernetes/client-node';
import type { ClientNode } from './client-node.js';
import { ClusterAccessError, httpError, transportError, type AccessHints, type RequestTarget } from './errors.js';
import { route } from './transport.js';

export class RestClient {
  private readonly http: InstanceType<ClientNode['IsomorphicFetchHttpLibrary']>;

  constructor(
    readonly k8s: ClientNode,
    readonly kubeConfig: KubeConfig,
    readonly server: string,
    /** 0: no timeout. */
    readonly timeoutMs: number,
    /** What error messages suggest. */
    readonly hints: AccessHints,
  ) {
    this.http = new k8s.IsomorphicFetchHttpLibrary();
  }

  async getJson<T>(path: string, query: Record<string, string | undefined>, target: Omit<RequestTarget, 'server'>): Promise<T> {
    const body = await this.get(path, query, target, 'application/json');
    try {
      return JSON.parse(body) as T;
    } catch {
      throw new ClusterAccessError(`the API server at ${this.server} sent a response to ${path} that is not JSON`);
    }
  }

  /** A non-JSON document such as /metrics (Prometheus text). */
  getText(path: string, target: Omit<RequestTarget, 'server'>): Promise<string> {
    return this.get(path, {}, target, 'text/plain');
  }

  private async get(
    path: string,
    query: Record<string, string | undefined>,
    target: Omit<RequestTarget, 'server'>,
    accept: string,
  ): Promise<string> {
    const url = new URL(this.server.replace(/\/+$/, '') + path);
    for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, value);
    const full: RequestTarget = { ...target, server: this.server };
    const context = new this.k8s.RequestContext(url.toString(), this.k8s.HttpMethod.GET);
    context.setHeaderParam('Accept', accept);
    try {
      await this.kubeConfig.applySecurityAuthentication(context);
    } catch (err) {
      throw new ClusterAccessError(`cannot load credentials for ${this.server}: ${err instanceof Error ? err.message : String(err)}`);
    }
    const routed = route(url, context.getDispatcher());
    context.setUrl(routed.url);
    context.setDispatcher(routed.dispatcher);
    if (this.timeoutMs > 0) context.setSignal(AbortSignal.timeout(this.timeoutMs));
    let code: number;
    let body: string;
    try {
      const response = await this.http.send(context).toPromise();
      code = response.httpStatusCode;
      body = await response.body.text();
    } catch (err) {
      throw transportError(err, full, this.timeoutMs, this.hints);
    }
    if (code >= 400) throw httpError(code, body, full, this.hints);
    return body;
  }
}
