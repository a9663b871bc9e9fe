// Benchmark of the placement picture (issue 16): `explain --html` and `simulate -o html` on the scale
// snapshots of 5,000 nodes (the file-size target: < 5 MB) and 15,000 nodes (the issue's
// "stays usable" size). Per page: its file size, the CLI time against plain `-o json` on the same
// snapshot (the baseline, same run), how long headless Chromium takes to open the page and finish
// drawing it, and how long showing a node's detail and (simulate) redrawing for another gang take
// (medians of 3).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { writeClusterSnapshot } from '../scale/cluster-snapshot.ts';
import { CHROMIUM } from './chromium.ts';

const CLI = resolve(fileURLToPath(new URL('../../../plugin/dist/main.js', import.meta.url)));
const RUNS = 3;
const MB = 1024 * 1024;

function cli(args: readonly string[]): { ms: number; stdout: string } {
  const started = performance.now();
  const out = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (out.status !== 0 && out.status !== 1) throw new Error(`kubectl-workload ${args.join(' ')}: exit ${out.status}\n${out.stderr}`);
  return { ms: performance.now() - started, stdout: out.stdout };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

interface BrowserFigures {
  readonly open: number;
  readonly firstFrame: number;
  readonly detail: number;
  readonly switchGroup: number | null;
}

/** Milliseconds from `action` (run in the page) to the end of the next frame it causes, measured in the page. */
const FRAME_AFTER = (action: string): string => `new Promise((done) => requestAnimationFrame(() => {
  const started = performance.now();
  ${action};
  requestAnimationFrame(() => setTimeout(() => done(performance.now() - started)));
}))`;

/**
 * Per page, medians of RUNS: wall time from navigation to drawn (as a reader waits), the page's own
 * time from navigation start to its first frame after drawing, and in-page times from an event to the
 * next frame for a node's detail (mouseover on the last cell) and, with a selector, another gang.
 */
async function browse(browser: Browser, page: string): Promise<BrowserFigures> {
  const open: number[] = [];
  const firstFrame: number[] = [];
  const detail: number[] = [];
  const switchGroup: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const started = performance.now();
    await tab.goto(pathToFileURL(page).href);
    await tab.waitForSelector('#page[data-rendered="true"]');
    open.push(performance.now() - started);
    firstFrame.push(
      await tab.evaluate<number>('new Promise((done) => requestAnimationFrame(() => setTimeout(() => done(performance.now()))))'),
    );
    const last = tab.locator('.cell[data-node]').last();
    const name = (await last.getAttribute('aria-label')) ?? '';
    // Scrolled there and drawn first: the figure is the detail's own cost, not drawing the newly shown blocks.
    await last.scrollIntoViewIfNeeded();
    await tab.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100))))');
    detail.push(
      await tab.evaluate<number>(
        FRAME_AFTER(
          "[...document.querySelectorAll('.cell[data-node]')].pop().dispatchEvent(new MouseEvent('mouseover', { bubbles: true }))",
        ),
      ),
    );
    if (!(await tab.locator('#detail').textContent())?.startsWith(name)) throw new Error(`${page}: no detail for ${name}`);
    if ((await tab.locator('#group option').count()) > 1) {
      const action = "const s = document.getElementById('group'); s.value = '1'; s.dispatchEvent(new Event('change'))";
      switchGroup.push(await tab.evaluate<number>(FRAME_AFTER(action)));
    }
    await tab.close();
  }
  return {
    open: median(open),
    firstFrame: median(firstFrame),
    detail: median(detail),
    switchGroup: switchGroup.length ? median(switchGroup) : null,
  };
}

/** The snapshot plus gang `bench/fits`: 500 pods of 1 CPU with the zone constraint, which lands in one zone. */
function withFittingGang(file: string, out: string): void {
  const list = JSON.parse(readFileSync(file, 'utf8')) as { items: { kind: string; metadata: { name: string }; spec?: object }[] };
  const group = list.items.find((o) => o.kind === 'PodGroup') as (typeof list.items)[number];
  const member = list.items.find((o) => o.metadata.name === 'train-0') as (typeof list.items)[number];
  const fits = {
    ...group,
    metadata: { ...group.metadata, name: 'fits', uid: 'uid-fits' },
    spec: { ...group.spec, schedulingPolicy: { gang: { minCount: 500 } } },
  };
  const pods = Array.from({ length: 500 }, (_, k) => {
    const pod = JSON.parse(JSON.stringify(member)) as {
      metadata: { name: string; uid: string };
      spec: { schedulingGroup: object; containers: { resources: object }[] };
    };
    pod.metadata.name = `fits-${k}`;
    pod.metadata.uid = `uid-fits-${k}`;
    pod.spec.schedulingGroup = { podGroupName: 'fits' };
    (pod.spec.containers[0] as { resources: object }).resources = { requests: { cpu: '1', memory: '1Gi' } };
    return pod;
  });
  writeFileSync(out, JSON.stringify({ ...list, items: [...list.items, fits, ...pods] }));
}

function report(label: string, html: number, json: number, bytes: number, b: BrowserFigures, limit?: number): void {
  console.log(`${label}: ${seconds(html)}; baseline -o json: ${seconds(json)}; ratio ${(html / json).toFixed(2)}x`);
  const target = limit === undefined ? '' : `, target < ${limit / MB} MB: ${bytes < limit ? 'ok' : 'MISSED'}`;
  console.log(`  page size ${(bytes / MB).toFixed(2)} MB${target}`);
  console.log(
    `  headless Chromium (median of ${RUNS}): navigation to drawn ${b.open.toFixed(0)} ms (in page, to first frame: ${b.firstFrame.toFixed(0)} ms); ` +
      `node detail ${b.detail.toFixed(0)} ms` +
      (b.switchGroup === null ? '' : `; switch gang ${b.switchGroup.toFixed(0)} ms`) +
      ` (event to next frame, in page)`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'picture-bench-'));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
try {
  for (const zones of [5, 15]) {
    const nodes = zones * 1000;
    // The benchmark gang: 1,000 pods that fit no zone.
    const snapshot = join(dir, `cluster-${zones}k.json`);
    writeClusterSnapshot(snapshot, zones, 1000, '8');
    const limit = nodes === 5000 ? 5 * MB : undefined;

    const page = join(dir, `explain-${zones}k.html`);
    const base = ['explain', 'podgroup/train', '-n', 'bench', '--snapshot', snapshot, '-o', 'json'];
    const json = cli(base).ms;
    const html = cli([...base, '--html', page]).ms;
    report(`explain --html, ${nodes} nodes / 1000-pod gang`, html, json, statSync(page).size, await browse(browser, page), limit);

    const twoGangs = join(dir, `cluster-${zones}k-two-gangs.json`);
    withFittingGang(snapshot, twoGangs);
    const simBase = ['simulate', '--snapshot', twoGangs, '--no-preemption'];
    const simJson = cli([...simBase, '-o', 'json']).ms;
    const simHtml = cli([...simBase, '-o', 'html']);
    const simPage = join(dir, `simulate-${zones}k.html`);
    writeFileSync(simPage, simHtml.stdout);
    report(
      `simulate -o html, ${nodes} nodes / 1000-pod gang + 500-pod gang`,
      simHtml.ms,
      simJson,
      Buffer.byteLength(simHtml.stdout),
      await browse(browser, simPage),
      limit,
    );
  }
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
