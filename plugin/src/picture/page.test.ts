// Cluster strings reach the picture from a snapshot file anyone may hand-edit: names, messages and
// reasons must land as text, never as markup. Checked without a browser: the page's own HTML, and
// every innerHTML its script writes, run against a minimal stand-in for the DOM.

import { runInNewContext } from 'node:vm';
import { renderPicture, type PictureDocument } from './page.js';
import { PAGE_SCRIPT } from './script.js';

const EVIL = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';

const doc = {
  kind: 'Explanation',
  target: { kind: 'PodGroup', namespace: 'ml', name: EVIL },
  broken: { link: 'placement', summary: EVIL, fix: EVIL },
  placement: {
    kubeVersion: '1.36',
    outcome: 'Unschedulable',
    message: EVIL,
    hint: `hint ${EVIL}`,
    preemption: EVIL,
    pods: [{ name: EVIL, outcome: 'Unschedulable', node: null, message: EVIL }],
    nodeReasons: [{ reason: EVIL, nodes: 1 }],
    topology: { key: EVIL, domains: [{ domain: EVIL, podsFit: 0, podsNeeded: 1 }] },
    victims: [{ namespace: EVIL, name: EVIL, node: EVIL, priority: 1, podGroup: EVIL }],
    nodeMap: { groupBy: EVIL, resource: EVIL, nodes: [{ name: EVIL, domain: EVIL, free: 0.5, reasons: [EVIL], members: [EVIL] }] },
  },
} as PictureDocument;

/** Just enough DOM for the script: it records every innerHTML written. */
function runScript(json: string): string[] {
  const written: string[] = [];
  const element = (): Record<string, unknown> => {
    let html = '';
    return {
      setAttribute() {},
      appendChild() {},
      addEventListener() {},
      textContent: '',
      get innerHTML() {
        return html;
      },
      set innerHTML(value: string) {
        html = value;
        written.push(value);
      },
    };
  };
  const page = element();
  const document = {
    createElement: element,
    getElementById: (id: string) => (id === 'explanation' ? { textContent: json } : page),
  };
  runInNewContext(PAGE_SCRIPT, { document });
  return written;
}

describe('the picture escapes cluster strings', () => {
  const html = renderPicture(doc);

  it('keeps its two script elements: the embedded JSON cannot close them', () => {
    expect(html.match(/<script/gi)).toHaveLength(2);
    expect(html.match(/<\/script/gi)).toHaveLength(2);
    expect(html).toContain('<title>kubectl workload explain: PodGroup ml/&lt;/script&gt;&lt;script&gt;');
  });

  it('embeds the document unchanged', () => {
    const embedded = /<script type="application\/json" id="explanation">(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    expect(JSON.parse(embedded)).toEqual(doc);
  });

  it('writes every string as text in the markup its script builds', () => {
    const written = runScript(JSON.stringify(doc));
    expect(written.length).toBeGreaterThan(5);
    const all = written.join('\n');
    expect(all).not.toMatch(/<script|<img/i);
    expect(all).toContain('&lt;img src=x onerror=alert(2)&gt;');
  });
});
