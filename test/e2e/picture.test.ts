// explain --html and simulate -o html (issue 16) in a real headless Chromium (Debian's chromium,
// which scripts/test-prerequisites.sh installs, driven by playwright-core): the page shows what the
// same snapshot's `-o json` document says (domains, nodes, reason counts, a failing node's detail,
// each gang's outcome, placement scores and members' nodes), with no console errors, for the example
// snapshot and the 5,000-node benchmark snapshot. A screenshot of each lands in test/artifacts/.

import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_BIN, run } from '@kubectl-workload/test';
import { writeClusterSnapshot } from '../bench/scale/cluster-snapshot.js';
import { CHROMIUM } from '../bench/picture/chromium.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../examples/cluster-snapshot.yaml', import.meta.url));

interface Cell {
  readonly name: string;
  readonly domain: string | null;
  readonly free: number | null;
  readonly reasons: readonly string[];
}
interface Explanation {
  readonly placement: {
    readonly nodeReasons: readonly { reason: string; nodes: number }[];
    readonly nodeMap: { readonly groupBy: string; readonly resource: string; readonly nodes: readonly Cell[] };
  };
}

let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  dir = await mkdtemp(join(tmpdir(), 'picture-'));
  await mkdir(ARTIFACTS, { recursive: true });
});
afterAll(async () => browser?.close());

/** One explain run: its JSON document on stdout and its page in a file. */
async function explainPage(
  target: string,
  snapshot: string,
  namespace: string,
  file: string,
): Promise<{ json: Explanation; html: string }> {
  const result = await run(
    join(REPO_BIN, 'kubectl-workload'),
    ['explain', target, '-n', namespace, '--snapshot', snapshot, '-o', 'json', '--html', file],
    {},
    300_000,
  );
  expect(result.stderr).toBe('');
  return { json: JSON.parse(result.stdout) as Explanation, html: await readFile(file, 'utf8') };
}

async function open(file: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // Playwright's 30 s default is a wall-clock bound: a busy 2-core CI machine renders 5,000 nodes slower.
  page.setDefaultTimeout(0);
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('#page[data-rendered="true"]');
  return { page, errors };
}

async function checkPage(name: string, json: Explanation, file: string): Promise<void> {
  const { page, errors } = await open(file);
  const { nodes, groupBy, resource } = json.placement.nodeMap;
  const domains = new Set(nodes.map((n) => n.domain ?? `(no ${groupBy} label)`));
  expect(await page.locator('.domain').count()).toBe(domains.size);
  expect(await page.locator('.cell[data-node]').count()).toBe(nodes.length);
  const bars = await page
    .locator('#reasons .bar')
    .evaluateAll((gs) => gs.map((g) => ({ reason: g.getAttribute('data-reason'), nodes: Number(g.getAttribute('data-count')) })));
  expect(bars).toEqual(json.placement.nodeReasons);

  const cell = nodes.find((n) => n.reasons.length > 0) as Cell;
  expect(cell).toBeDefined();
  await page.hover(`.cell[aria-label="${cell.name}"]`);
  const detail = await page.locator('#detail').textContent();
  expect(detail).toContain(cell.name);
  expect(detail).toContain(`fails: ${cell.reasons.join('; ')}`);
  expect(detail).toContain(cell.free === null ? `no ${resource} on this node` : `free ${resource}: ${Math.round(cell.free * 100)}%`);

  // The keyboard reaches node details: Tab to the first domain, arrow into its first cell.
  await page.locator('.domain').first().focus();
  await page.keyboard.press('ArrowRight');
  const first = await page.locator('.cell:focus').getAttribute('aria-label');
  expect(await page.locator('#detail').textContent()).toContain(first ?? '<none>');
  expect(await page.locator('#summary').textContent()).toContain(`${nodes.length} nodes in ${domains.size} domains`);

  // The whole page of a 5,000-node snapshot is tens of thousands of pixels tall: its first screen will do.
  await page.screenshot({ path: join(ARTIFACTS, `picture-${name}.png`), fullPage: name === 'example' });
  expect(errors).toEqual([]);
  await page.close();
}

interface Report {
  readonly nodes: number;
  readonly podGroups: readonly {
    namespace: string;
    name: string;
    outcome: string;
    message: string;
    placements: {
      key: string;
      chosen: string | null;
      generated: string[];
      feasible: string[];
      scores: Record<string, { total: number }>;
    } | null;
  }[];
  readonly pods: readonly { namespace: string; name: string; podGroup: string | null; node: string | null }[];
}

/** simulate -o json and -o html on the same snapshot. */
async function simulatePage(snapshot: string, file: string): Promise<Report> {
  const bin = join(REPO_BIN, 'kubectl-workload');
  const json = await run(bin, ['simulate', '--snapshot', snapshot, '-o', 'json'], {}, 300_000);
  expect(json.stderr).toBe('');
  const html = await run(bin, ['simulate', '--snapshot', snapshot, '-o', 'html'], {}, 300_000);
  expect(html.stderr).toBe('');
  await writeFile(file, html.stdout);
  return JSON.parse(json.stdout) as Report;
}

/** The page shows the selected gang as the report says: outcome, members' nodes, each domain's placement verdict and score. */
async function checkGroup(page: Page, report: Report, group: Report['podGroups'][number]): Promise<void> {
  const id = `${group.namespace}/${group.name}`;
  expect(await page.locator('#outcome').textContent()).toBe(`${id}: ${group.outcome} ${group.message}`);
  const nodes = new Set(
    report.pods.filter((p) => p.podGroup === group.name && p.namespace === group.namespace && p.node).map((p) => p.node),
  );
  const members = report.pods.filter((p) => p.podGroup === group.name && p.namespace === group.namespace);
  const rows = await page.locator('#pods tr[data-pods]').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-pods'))));
  expect(rows.reduce((a, b) => a + b, 0)).toBe(members.length);
  const marked = await page.locator('#domains .cell.member').evaluateAll((cells) => cells.map((c) => c.getAttribute('aria-label')));
  expect(new Set(marked)).toEqual(nodes);
  for (const domain of group.placements?.generated ?? []) {
    const tag = await page.locator(`.domain[data-domain="${domain}"] header .tag`).textContent();
    const state = domain === group.placements?.chosen ? 'chosen' : group.placements?.feasible.includes(domain) ? 'feasible' : 'infeasible';
    const score = group.placements?.scores[domain];
    expect(tag).toBe(score ? `${state} · score ${score.total}` : state);
  }
}

describe('simulate -o html', () => {
  it('draws every gang of the example snapshot, one at a time from the selector', async () => {
    const file = join(dir, 'simulate-example.html');
    const report = await simulatePage(EXAMPLE, file);
    const { page, errors } = await open(file);
    expect(await page.locator('.cell[data-node]').count()).toBe(report.nodes);
    const options = await page.locator('#group option').allTextContents();
    expect(options).toEqual(report.podGroups.map((g) => `${g.namespace}/${g.name} (${g.outcome})`));
    // The first gang that did not land is shown first.
    const first = report.podGroups.findIndex((g) => g.outcome !== 'Scheduled');
    await checkGroup(page, report, report.podGroups[first] as Report['podGroups'][number]);
    const other = report.podGroups.findIndex((_, k) => k !== first);
    await page.selectOption('#group', String(other));
    await page.waitForSelector('#page[aria-busy="false"]');
    await checkGroup(page, report, report.podGroups[other] as Report['podGroups'][number]);
    await page.screenshot({ path: join(ARTIFACTS, 'picture-simulate-example.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws where a 500-pod gang landed on the 5,000-node snapshot, with every zone scored', async () => {
    const snapshot = join(dir, 'cluster-5k-fits.json');
    writeClusterSnapshot(snapshot, 5, 500, '8');
    const file = join(dir, 'simulate-5k.html');
    const report = await simulatePage(snapshot, file);
    const group = report.podGroups[0] as Report['podGroups'][number];
    expect(group.outcome).toBe('Scheduled');
    expect(Object.keys(group.placements?.scores ?? {})).toHaveLength(5);
    const { page, errors } = await open(file);
    expect(await page.locator('.cell[data-node]').count()).toBe(5000);
    expect(await page.locator('.domain').count()).toBe(5);
    await checkGroup(page, report, group);
    const chosen = group.placements?.chosen ?? '';
    const row = await page.locator(`#domain-table tr[data-domain="${chosen}"] td`).allTextContents();
    expect(row[3]).toContain(`chosen, score ${group.placements?.scores[chosen]?.total}`);
    expect(await page.locator(`#domain-table tr[data-domain="${chosen}"] summary`).textContent()).toBe('500 pods');
    // 500 pods placed alike in one zone: one row of the pods table.
    expect(await page.locator('#pods tr[data-pods]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-pods')))).toEqual(['500']);
    await page.screenshot({ path: join(ARTIFACTS, 'picture-simulate-5k.png') });
    expect(errors).toEqual([]);
    await page.close();
  }, 600_000);
});

describe('explain --html', () => {
  it('draws the example snapshot from the same JSON, self-contained', async () => {
    const file = join(dir, 'example.html');
    const { json, html } = await explainPage('podgroup/llm-train-workers', EXAMPLE, 'default', file);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//);
    await checkPage('example', json, file);
  });

  it('draws the 5,000-node benchmark snapshot in a file under 5 MB', async () => {
    const snapshot = join(dir, 'cluster-5k.json');
    writeClusterSnapshot(snapshot, 5, 1000, '8');
    const file = join(dir, 'cluster-5k.html');
    const { json, html } = await explainPage('podgroup/train', snapshot, 'bench', file);
    expect(json.placement.nodeMap.nodes).toHaveLength(5000);
    expect(Buffer.byteLength(html)).toBeLessThan(5 * 1024 * 1024);
    await checkPage('5k', json, file);
  }, 600_000);
});
