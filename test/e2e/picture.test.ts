// explain --html (issue 16) in a real headless Chromium (Debian's chromium, which
// scripts/test-prerequisites.sh installs, driven by playwright-core): the page drawn from the same
// run's `-o json` document shows its domains, nodes, reason counts and a failing node's detail, with
// no console errors, for the example snapshot and the 5,000-node benchmark snapshot. A screenshot of
// each lands in test/artifacts/.

import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
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

  const failing = nodes.findIndex((n) => n.reasons.length > 0);
  expect(failing).toBeGreaterThanOrEqual(0);
  const cell = nodes[failing] as Cell;
  await page.hover(`.cell[data-node="${failing}"]`);
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

  await page.screenshot({ path: join(ARTIFACTS, `picture-${name}.png`), fullPage: true });
  expect(errors).toEqual([]);
  await page.close();
}

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
