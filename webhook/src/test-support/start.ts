// Starts a webhook in-process on 127.0.0.1:0 with a self-signed certificate and a silent logger.

import { allGatesOnByVersion } from '@kubectl-workload/api';
import type { KubeObject } from '@kubectl-workload/api';
import { ManifestLookup } from '@kubectl-workload/rules';
import { pino } from 'pino';
import type { LookupSource } from '../lookup-source.js';
import { startWebhook } from '../server.js';
import type { RunningWebhook, WebhookOptions } from '../server.js';
import { HttpsClient } from './https-client.js';

export const silentLogger = pino({ level: 'silent' });

/** A lookup source over objects held in memory (what --snapshot builds from a file). */
export function objectsSource(objects: KubeObject[]): LookupSource {
  return { lookup: new ManifestLookup(objects), ready: () => true, cacheSizes: () => ({}), close: () => Promise.resolve() };
}

export interface TestWebhook {
  webhook: RunningWebhook;
  client: HttpsClient;
  stop(): Promise<void>;
}

export async function startTestWebhook(options: Partial<WebhookOptions> = {}): Promise<TestWebhook> {
  const webhook = await startWebhook({
    port: 0,
    bindAddress: '127.0.0.1',
    gates: allGatesOnByVersion(),
    onLookupError: 'allow',
    source: objectsSource([]),
    logger: silentLogger,
    ...options,
  });
  const client = new HttpsClient(webhook.url, webhook.certificate);
  return {
    webhook,
    client,
    async stop() {
      client.close();
      await webhook.shutdown(1000);
    },
  };
}
