// Whole-process figures for the scale benchmark: wall time and peak RSS of a child Node process
// (peak RSS reported by the child itself at exit through a preloaded module, so no external `time`).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const work = mkdtempSync(join(tmpdir(), 'scale-proc-'));
const PRELOAD = join(work, 'report-rss.mjs');
const RSS_FILE = join(work, 'rss');
writeFileSync(
  PRELOAD,
  `import { writeFileSync } from 'node:fs';
process.on('exit', () => writeFileSync(${JSON.stringify(RSS_FILE)}, String(process.resourceUsage().maxRSS * 1024)));
`,
);

export interface ProcessRun {
  ms: number;
  rssBytes: number;
  stdout: string;
}

/** Runs `node script args` once; throws unless it exits with one of `statuses`. */
export function runNode(script: string, args: readonly string[], statuses: readonly number[]): ProcessRun {
  const started = performance.now();
  const out = spawnSync(process.execPath, ['--import', PRELOAD, script, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - started;
  if (out.status === null || !statuses.includes(out.status)) {
    throw new Error(`${script} ${args.join(' ')} exited ${out.status ?? out.signal}: ${out.stderr.slice(0, 2000)}`);
  }
  return { ms, rssBytes: Number(readFileSync(RSS_FILE, 'utf8')), stdout: out.stdout };
}

/** The run with the median time of `runs` runs of each command, interleaved so machine load hits all alike. */
export function medianRuns(runs: number, ...commands: (() => ProcessRun)[]): ProcessRun[] {
  const results: ProcessRun[][] = commands.map(() => []);
  for (let r = 0; r < runs; r++) commands.forEach((command, i) => results[i]?.push(command()));
  return results.map((list) => [...list].sort((a, b) => a.ms - b.ms)[Math.floor(list.length / 2)] as ProcessRun);
}

export function cleanUpProcessFigures(): void {
  rmSync(work, { recursive: true, force: true });
}

export const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
