// Cluster strings reach the picture from a snapshot file anyone may hand-edit: names, messages and
// reasons must land as text, never as markup. Checked without a browser, for explain's page and
// simulate's: the page's own HTML, and every innerHTML its script writes, run against a minimal
// stand-in for the DOM.

import { runInNewContext } from 'node:vm';
import { pictureModel, type ExplanationDocument, type SimulationDocument } from './model.js';
import { renderPicture } from './page.js';
import { PAGE_SCRIPT } from './script.js';

const EVIL = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';
const score = { NodeResourcesFit: 1, PodGroupPodsCount: 100, total: 101 };
const placements = { key: EVIL, generated: [EVIL, `${EVIL}2`], feasible: [EVIL], chosen: EVIL, scores: { [EVIL]: score } };
const nodeMap = {
  groupBy: EVIL,
  resource: EVIL,
  nodes: [{ name: EVIL, domain: EVIL, free: 0.5, reasons: [EVIL], members: [EVIL] }],
  domains: [{ domain: EVIL, nodes: 1, free: { [EVIL]: EVIL } }],
};
const victims = [{ namespace: EVIL, name: EVIL, node: EVIL, priority: 1, podGroup: EVIL }];

const explanation = {
  kind: 'Explanation',
  target: { kind: 'PodGroup', namespace: 'ml', name: EVIL },
  broken: { link: 'placement', summary: EVIL, fix: EVIL },
  placement: {
    kubeVersion: '1.36',
    profile: EVIL,
    outcome: 'Unschedulable',
    message: EVIL,
    hint: `hint ${EVIL}`,
    preemption: EVIL,
    pods: [{ name: EVIL, outcome: 'Unschedulable', node: EVIL, message: EVIL }],
    nodeReasons: [{ reason: EVIL, nodes: 1 }],
    topology: { key: EVIL, domains: [{ domain: EVIL, nodes: 1, free: {}, podsFit: 0, podsNeeded: 1, blocking: EVIL }] },
    placements,
    victims,
    nodeMap,
  },
} as unknown as ExplanationDocument;

const simulation = {
  kind: 'SimulationReport',
  schedulerVersion: 'v1.36',
  mode: 'quiescence',
  nodes: 1,
  summary: { Scheduled: 1 },
  podGroups: [EVIL, `${EVIL}b`].map((name) => ({
    namespace: EVIL,
    name,
    outcome: EVIL,
    message: EVIL,
    placements,
    nodeReasons: [{ reason: EVIL, nodes: 1 }],
  })),
  pods: [{ namespace: EVIL, name: EVIL, podGroup: EVIL, outcome: EVIL, node: EVIL, message: EVIL }],
  victims: victims.map((v) => ({ ...v, preemptor: `${EVIL}/x`, preemptorGroup: EVIL })),
  nodeMap,
} as unknown as SimulationDocument;

/** Just enough DOM for the script: it records every innerHTML written. */
function runScript(json: string): string[] {
  const written: string[] = [];
  const element = (): Record<string, unknown> => {
    let html = '';
    const self: Record<string, unknown> = {
      setAttribute() {},
      appendChild: (child: unknown) => child,
      addEventListener() {},
      querySelectorAll: () => [{ classList: { add() {}, remove() {} } }],
      classList: { add() {}, remove() {} },
      textContent: '',
      value: '',
      get innerHTML() {
        return html;
      },
      set innerHTML(value: string) {
        html = value;
        written.push(value);
      },
    };
    self.firstChild = self;
    self.parentNode = self;
    return self;
  };
  const page = element();
  const document = {
    createElement: element,
    getElementById: (id: string) => (id === 'picture' ? { textContent: json } : page),
  };
  runInNewContext(PAGE_SCRIPT, { document });
  return written;
}

describe.each([
  ['explain', explanation, 'kubectl workload explain: PodGroup ml/&lt;/script&gt;&lt;script&gt;'],
  ['simulate', simulation, 'kubectl workload simulate: simulation of 1 nodes, 2 PodGroups'],
])('the %s picture escapes cluster strings', (_command, doc, title) => {
  const html = renderPicture(doc);

  it('keeps its two script elements: the embedded JSON cannot close them', () => {
    expect(html.match(/<script/gi)).toHaveLength(2);
    expect(html.match(/<\/script/gi)).toHaveLength(2);
    expect(html).toContain(`<title>${title}`);
  });

  it('embeds the page model unchanged', () => {
    const embedded = /<script type="application\/json" id="picture">(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    expect(JSON.parse(embedded)).toEqual(pictureModel(doc));
  });

  it('writes every string as text in the markup its script builds', () => {
    const written = runScript(JSON.stringify(pictureModel(doc)));
    const all = written.join('\n');
    // Title, verdict, run, node cells, domain header, outcome, reasons, domain table, pods table, victims.
    expect(written.length).toBeGreaterThan(8);
    expect(all).not.toMatch(/<script|<img/i);
    expect(all).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(all).toContain('score 101');
    expect(all).toMatch(/<table id="victims"|<tr><th>Pod<\/th><th>Node<\/th><th>Priority/);
  });
});
