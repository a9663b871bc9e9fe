// Benchmark of explain --html (issue 16) on the 5,000-node scale snapshot: the page's file size
// (target < 5 MB), the CLI time against plain `-o json` on the same snapshot (the baseline, same
// run), and how long headless Chromium takes to open the page and finish drawing it (median of 3).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { writeClusterSnapshot } from '../scale/cluster-snapshot.ts';
import { CHROMIUM } from './chromium.ts';

const CLI = resolve(fileURLToPath(new URL('../../../plugin/dist/main.js', import.meta.url)));
const RUNS = 3;

function cliMs(args: readonly string[]): number {
  const started = performance.now();
  const out = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (out.status !== 0 && out.status !== 1) throw new Error(`kubectl-workload ${args.join(' ')}: exit ${out.status}\n${out.stderr}`);
  return performance.now() - started;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const dir = mkdtempSync(join(tmpdir(), 'picture-bench-'));
try {
  const snapshot = join(dir, 'cluster-5k.json');
  writeClusterSnapshot(snapshot, 5, 1000, '8');
  const page = join(dir, 'cluster-5k.html');
  const base = ['explain', 'podgroup/train', '-n', 'bench', '--snapshot', snapshot, '-o', 'json'];
  const json = cliMs(base);
  const html = cliMs([...base, '--html', page]);
  const bytes = statSync(page).size;
  console.log(
    `explain --html, 5000 nodes / 1000-pod gang: ${(html / 1000).toFixed(2)} s; baseline -o json: ${(json / 1000).toFixed(2)} s; ratio ${(html / json).toFixed(2)}x`,
  );
  console.log(`  page size ${(bytes / 1024 / 1024).toFixed(2)} MB, target < 5 MB: ${bytes < 5 * 1024 * 1024 ? 'ok' : 'MISSED'}`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const times: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const tab = await browser.newPage();
      const started = performance.now();
      await tab.goto(pathToFileURL(page).href);
      await tab.waitForSelector('#page[data-rendered="true"]');
      times.push(performance.now() - started);
      await tab.close();
    }
    console.log(`  open + render in headless Chromium (median of ${RUNS}): ${median(times).toFixed(0)} ms`);
  } finally {
    await browser.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
