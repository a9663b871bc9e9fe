// workload-webhook throughput and latency over HTTPS, against a bare express server measured in the
// same run (bare-server.ts: same TLS, same body parsing, answers allowed: true). Targets on 2 cores:
// throughput ratio webhook/bare ≥ 0.9 and p99 ≤ 10 ms at 16 connections; no errors over 60 s at 100
// connections with RSS growth < 20 %. Run after `npm run build`:
//   node test/bench/webhook/webhook-bench.ts [--duration SECONDS]   (default: the full 60 s soak)
// --duration scales both phases: the comparison alternates ~2 s rounds on each server for
// duration / 3 seconds each (medians reported), then the soak runs `duration` seconds.
// Reviews are realistic (scenario.ts): a Pod in a PodGroup, a PodGroup created from a Workload
// template, and its /mutate. handler-bench.ts times the same reviews in-process, without HTTP.

import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { REQUESTS, snapshot } from './scenario.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../../..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const WEBHOOK = join(ROOT, 'node_modules/.bin/workload-webhook');

function durationFlag(argv: string[]): number {
  const i = argv.indexOf('--duration');
  if (i < 0) return 60;
  const value = Number(argv[i + 1]);
  if (!(value >= 3)) throw new Error(`--duration ${argv[i + 1]}: expected seconds ≥ 3`);
  return value;
}

const SOAK_SECONDS = durationFlag(process.argv.slice(2));
const COMPARE_SECONDS = Math.max(3, Math.round(SOAK_SECONDS / 3));
const WARMUP_SECONDS = 3;

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
    server.on('error', reject);
  });
}

async function waitForHttps(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: server exited with ${child.exitCode}`);
    const result = await autocannon({ url, connections: 1, duration: 0.05, requests: [REQUESTS[0] as (typeof REQUESTS)[number]] }).catch(
      () => undefined,
    );
    if (result && result['2xx'] > 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url}: server did not answer`);
}

/** CPU seconds (user + system) a process has used so far: /proc/PID/stat fields 14 and 15, in ticks of 10 ms. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function rssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0) * 1024;
}

interface Measured {
  rps: number;
  /** Server CPU per answered request: unlike req/s, not skewed by other load on the machine. */
  cpuMicros: number;
  p50: number;
  p99: number;
  errors: number;
  total: number;
}

async function measure(server: Server, connections: number, seconds: number): Promise<Measured> {
  const cpuBefore = cpuSeconds(server.pid);
  const r = await autocannon({ url: server.url, connections, duration: seconds, requests: REQUESTS });
  const cpuMicros = ((cpuSeconds(server.pid) - cpuBefore) * 1e6) / Math.max(1, r.requests.total);
  return {
    rps: r.requests.total / seconds,
    cpuMicros,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
    total: r.requests.total,
  };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * Alternates short rounds on the two servers and keeps the median of each figure, so load from
 * other processes on a shared machine hits both sides alike.
 */
interface Server {
  url: string;
  pid: number;
}

async function compare(servers: [Server, Server], seconds: number): Promise<[Measured, Measured]> {
  const rounds: [Measured[], Measured[]] = [[], []];
  const count = Math.max(1, Math.floor(seconds / 2));
  for (let i = 0; i < count; i++) {
    for (const side of [0, 1] as const) rounds[side].push(await measure(servers[side], 16, seconds / count));
  }
  const summary = (ms: Measured[]): Measured => ({
    rps: median(ms.map((m) => m.rps)),
    cpuMicros: median(ms.map((m) => m.cpuMicros)),
    p50: median(ms.map((m) => m.p50)),
    p99: median(ms.map((m) => m.p99)),
    errors: ms.reduce((n, m) => n + m.errors, 0),
    total: ms.reduce((n, m) => n + m.total, 0),
  });
  return [summary(rounds[0]), summary(rounds[1])];
}

const fmt = (m: Measured): string =>
  `${m.rps.toFixed(0).padStart(7)} req/s  ${m.cpuMicros.toFixed(0).padStart(4)} µs CPU/req  p50 ${m.p50.toFixed(2).padStart(6)} ms  p99 ${m.p99.toFixed(2).padStart(6)} ms  errors ${m.errors}/${m.total}`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'webhook-bench-'));
  const snapshotFile = join(dir, 'snapshot.json');
  writeFileSync(snapshotFile, JSON.stringify(snapshot));
  const [webhookPort, barePort] = await Promise.all([freePort(), freePort()]);
  const webhook = spawn(
    NODE,
    [WEBHOOK, '--port', String(webhookPort), '--bind-address', '127.0.0.1', '--snapshot', snapshotFile, '--log-level', 'warn'],
    { stdio: 'ignore' },
  );
  const bare = spawn(NODE, [join(HERE, 'bare-server.ts'), String(barePort)], { stdio: 'ignore' });
  const webhookUrl = `https://127.0.0.1:${webhookPort}`;
  const bareUrl = `https://127.0.0.1:${barePort}`;
  const webhookServer: Server = { url: webhookUrl, pid: webhook.pid as number };
  const bareServer: Server = { url: bareUrl, pid: bare.pid as number };
  try {
    await Promise.all([waitForHttps(webhookUrl, webhook), waitForHttps(bareUrl, bare)]);
    console.log(
      `webhook bench: 3 reviews (Pod in a 64-pod PodGroup, PodGroup from a template, its /mutate); compare ${COMPARE_SECONDS} s per server at 16 connections, soak ${SOAK_SECONDS} s at 100`,
    );
    await measure(bareServer, 16, WARMUP_SECONDS);
    await measure(webhookServer, 16, WARMUP_SECONDS);
    const [bareResult, webhookResult] = await compare([bareServer, webhookServer], COMPARE_SECONDS);
    const ratio = webhookResult.rps / bareResult.rps;
    console.log(`bare express      c=16  ${fmt(bareResult)}  (median of alternating rounds)`);
    console.log(`workload-webhook  c=16  ${fmt(webhookResult)}`);
    const verdict = (ok: boolean): string => (ok ? 'met' : 'MISSED');
    console.log(
      `ratio webhook/bare ${ratio.toFixed(3)} (target >= 0.9: ${verdict(ratio >= 0.9)}); webhook p99 ${webhookResult.p99.toFixed(2)} ms (target <= 10 ms: ${verdict(webhookResult.p99 <= 10)})`,
    );
    console.log(
      `CPU ratio bare/webhook ${(bareResult.cpuMicros / webhookResult.cpuMicros).toFixed(3)} (the throughput ratio a dedicated core would give)`,
    );

    // RSS is taken once 100 connections are open and V8 has sized its heap for this load (a sixth
    // of the soak): the growth that follows is what a leak would show.
    await measure(webhookServer, 100, Math.max(WARMUP_SECONDS, SOAK_SECONDS / 6));
    const rssBefore = rssBytes(webhook.pid as number);
    const soak = await measure(webhookServer, 100, SOAK_SECONDS);
    const rssAfter = rssBytes(webhook.pid as number);
    const growth = (rssAfter - rssBefore) / rssBefore;
    console.log(`workload-webhook  c=100 ${fmt(soak)}  over ${SOAK_SECONDS} s`);
    console.log(
      `errors ${soak.errors} (target 0: ${verdict(soak.errors === 0)}); RSS ${(rssBefore / 2 ** 20).toFixed(1)} MiB → ${(rssAfter / 2 ** 20).toFixed(1)} MiB, ` +
        `${(growth * 100).toFixed(1)} % (target < 20 %: ${verdict(growth < 0.2)})`,
    );
  } finally {
    webhook.kill('SIGTERM');
    bare.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
