// Whole-process figures for the scale benchmark: wall time, CPU time and peak RSS of a child Node
// process (CPU and peak RSS reported by the child itself at exit through a preloaded module, so no
// external `time`). On a shared machine CPU time is the steadier figure: waiting for a core adds
// wall time only.

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
process.on('exit', () => {
  const usage = process.resourceUsage();
  writeFileSync(${JSON.stringify(RSS_FILE)}, JSON.stringify({ rssBytes: usage.maxRSS * 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
});
`,
);

export interface ProcessRun {
  ms: number;
  cpuMs: number;
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
  const { rssBytes, cpuMs } = JSON.parse(readFileSync(RSS_FILE, 'utf8')) as { rssBytes: number; cpuMs: number };
  return { ms, cpuMs, rssBytes, stdout: out.stdout };
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

/** `12.34 s (CPU 11.02 s, 270 MiB)`. */
export const figures = (run: ProcessRun): string =>
  `${(run.ms / 1000).toFixed(2)} s (CPU ${(run.cpuMs / 1000).toFixed(2)} s, ${mib(run.rssBytes)})`;
