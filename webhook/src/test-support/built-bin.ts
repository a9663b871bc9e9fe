// The built `workload-webhook` bin as a child process, and what tests need around it: a review posted
// to its self-signed port, and an API server address where nothing listens.

import { request } from 'node:https';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { AdmissionReview } from '../review.js';
import { startWebhookProcess, type WebhookProcess } from './process.js';

const bin = fileURLToPath(new URL('../../../node_modules/.bin/workload-webhook', import.meta.url));

/** The built bin on a free loopback port, with `args` after the port flags. */
export function startBuiltWebhook(args: readonly string[]): WebhookProcess {
  return startWebhookProcess(process.execPath, [bin, '--port', '0', '--bind-address', '127.0.0.1', ...args]);
}

/** POSTs a review (any JSON) to a webhook on 127.0.0.1 (its certificate is not checked) and parses the reply. */
export function postReview(port: number, path: string, review: unknown): Promise<AdmissionReview> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: 'POST', rejectUnauthorized: false, headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString('utf8')));
        res.on('end', () => resolve(JSON.parse(text) as AdmissionReview));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(review));
  });
}

/** An https URL on a loopback port that was free a moment ago: connecting to it is refused. */
export async function refusingServerUrl(): Promise<string> {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const { port } = closed.address() as AddressInfo;
  await new Promise((resolve) => closed.close(resolve));
  return `https://127.0.0.1:${port}`;
}
