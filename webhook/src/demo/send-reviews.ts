// Demo client: wraps every object of some manifest files in an admission.k8s.io/v1 AdmissionReview,
// sends it to a running workload-webhook, and prints the answer the way the API server would pass
// it on: allowed, denied (code, reason, message, causes), warnings, a mutation's patch.
//   node webhook/dist/demo/send-reviews.js --url https://127.0.0.1:8443 [--path /mutate]
//        [--operation DELETE] FILE...
// The webhook of `make demo` serves an in-memory self-signed certificate, so this client does not
// verify it (--insecure); pass --ca FILE for a real deployment.

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { nameOf, namespaceOf, parseObjectsFile, splitApiVersion } from '@kubectl-workload/api';
import type { KubeObject } from '@kubectl-workload/api';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import type { AdmissionResponse, AdmissionReview } from '../review.js';

interface Target {
  url: string;
  path: string;
  ca?: string;
}

function reviewOf(object: KubeObject, operation: string): string {
  const { group, version } = splitApiVersion(object.apiVersion);
  const deleting = operation === 'DELETE';
  return JSON.stringify({
    apiVersion: 'admission.k8s.io/v1',
    kind: 'AdmissionReview',
    request: {
      uid: randomUUID(),
      kind: { group, version, kind: object.kind },
      operation,
      name: nameOf(object),
      namespace: namespaceOf(object),
      object: deleting ? null : object,
      oldObject: deleting ? object : null,
    },
  });
}

function post(target: Target, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(target.path, target.url),
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        ...(target.ca ? { ca: target.ca } : { rejectUnauthorized: false }),
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function describe(response: AdmissionResponse): string[] {
  const lines: string[] = [];
  if (response.allowed) lines.push(response.patch ? 'allowed, with a patch' : 'allowed');
  else if (response.status) {
    lines.push(`denied: ${response.status.code} ${response.status.reason}`, `  ${response.status.message}`);
    for (const cause of response.status.details?.causes ?? []) lines.push(`  cause ${cause.reason} ${cause.field}: ${cause.message}`);
  }
  for (const warning of response.warnings ?? []) lines.push(`  Warning: ${warning}`);
  if (response.patch) lines.push(`  ${response.patchType}: ${Buffer.from(response.patch, 'base64').toString('utf8')}`);
  return lines;
}

async function main(): Promise<void> {
  const args = await yargs(hideBin(process.argv))
    .scriptName('send-reviews')
    .usage('$0 --url URL [--path /validate|/mutate] [--operation CREATE|UPDATE|DELETE] FILE...')
    .option('url', { type: 'string', demandOption: true })
    .option('path', { choices: ['/validate', '/mutate'] as const, default: '/validate' as const })
    .option('operation', { choices: ['CREATE', 'UPDATE', 'DELETE'] as const, default: 'CREATE' as const })
    .option('ca', { type: 'string', describe: 'CA certificate to verify the webhook with (default: not verified)' })
    .demandCommand(1, 'name at least one manifest file')
    .strict()
    .parseAsync();
  const target: Target = { url: args.url, path: args.path, ...(args.ca ? { ca: readFileSync(args.ca, 'utf8') } : {}) };
  for (const file of args._.map(String)) {
    for (const object of parseObjectsFile(readFileSync(file, 'utf8'), file)) {
      const { status, text } = await post(target, reviewOf(object, args.operation));
      const where = `${args.operation} ${object.kind} ${namespaceOf(object)}/${nameOf(object)} (${file}) → ${args.path}:`;
      if (status !== 200) {
        console.log(`${where} HTTP ${status}: ${text}`);
        continue;
      }
      const [first = '', ...rest] = describe((JSON.parse(text) as AdmissionReview).response);
      console.log(`${where} ${first}`);
      for (const line of rest) console.log(line);
    }
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`send-reviews: error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
