// Starts the HTTPS server around the app and stops it gracefully: on shutdown it stops accepting,
// lets in-flight reviews finish (closing keep-alive connections as they go idle) and cuts whatever
// is left when the grace period ends.

import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { GatesByVersion, KubeVersion } from '@kubectl-workload/api';
import type { SeverityOverride } from '@kubectl-workload/rules';
import type { Logger } from 'pino';
import { createRequestListener } from './app.js';
import type { LookupSource } from './lookup-source.js';
import { WebhookMetrics } from './metrics.js';
import { ReviewHandler } from './review-handler.js';
import { MIN_TLS_VERSION, readKeyPair, reloadOnChange, selfSignedKeyPair } from './tls.js';
import type { OnLookupError } from './verdict-response.js';

export interface TlsFiles {
  certFile: string;
  keyFile: string;
}

export interface WebhookOptions {
  port: number;
  bindAddress?: string;
  /** Without files the server makes a self-signed certificate in memory. */
  tls?: TlsFiles;
  gates: GatesByVersion;
  /** The version requests are checked against: fixed (--kube-version), or read per request from a source that follows discovery. */
  kubeVersion?: KubeVersion | (() => KubeVersion | undefined);
  overrides?: Readonly<Record<string, SeverityOverride>>;
  onLookupError: OnLookupError;
  source: LookupSource;
  logger: Logger;
  /** How often the certificate files are polled for changes. */
  certPollMs?: number;
}

export interface RunningWebhook {
  readonly port: number;
  readonly url: string;
  /** The served certificate (PEM): the caBundle for a self-signed server. */
  readonly certificate: string;
  /** Resolves once every connection is closed; cuts the remaining ones after graceMs. */
  shutdown(graceMs?: number): Promise<void>;
}

export const DEFAULT_GRACE_MS = 8000;
/** How often a draining server closes connections that went idle. */
const IDLE_SWEEP_MS = 50;

export async function startWebhook(options: WebhookOptions): Promise<RunningWebhook> {
  const { logger, source } = options;
  const pair = options.tls ? readKeyPair(options.tls.certFile, options.tls.keyFile) : await selfSignedKeyPair();
  if (!options.tls)
    logger.info('no --tls-cert-file/--tls-private-key-file given: serving a self-signed certificate generated in memory (localhost only)');
  const metrics = new WebhookMetrics(() => source.cacheSizes());
  let closing = false;
  const { kubeVersion } = options;
  const handler = new ReviewHandler({
    lookup: source.lookup,
    gates: options.gates,
    ...(kubeVersion ? { kubeVersion: typeof kubeVersion === 'function' ? kubeVersion : () => kubeVersion } : {}),
    ...(options.overrides ? { overrides: options.overrides } : {}),
    onLookupError: options.onLookupError,
    logger,
    metrics,
  });
  const listener = createRequestListener({ handler, metrics, logger, ready: () => !closing && source.ready() });
  const server = createServer({ ...pair, minVersion: MIN_TLS_VERSION }, listener);
  server.keepAliveTimeout = 30_000;
  // While draining, every answer closes its connection so keep-alive clients move to another
  // replica and close() can complete. (Requests already in flight are closed by the idle sweep.)
  server.prependListener('request', (_req, res) => {
    if (closing) res.setHeader('Connection', 'close');
  });
  const stopWatching = options.tls
    ? reloadOnChange(server, options.tls.certFile, options.tls.keyFile, logger, options.certPollMs ?? 1000)
    : () => undefined;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.bindAddress, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port, address } = server.address() as AddressInfo;
  const host = address === '::' || address === '0.0.0.0' ? 'localhost' : address.includes(':') ? `[${address}]` : address;
  logger.info({ address, port }, 'workload-webhook serving HTTPS');

  return {
    port,
    url: `https://${host}:${port}`,
    certificate: pair.cert,
    async shutdown(graceMs = DEFAULT_GRACE_MS) {
      closing = true;
      stopWatching();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Connections whose review was in flight when the drain began go idle later. A sweep costs
      // nothing per request, unlike a finish listener on every response.
      const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
      const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearInterval(sweep);
      clearTimeout(deadline);
      await source.close();
      logger.info('workload-webhook stopped');
    },
  };
}
