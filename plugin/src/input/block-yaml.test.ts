// The plain-block fast path must give exactly js-yaml's value or give up, and its positions
// (block-positions.ts) must be those js-yaml's events give (positions.ts): checked on every YAML
// document in the repository, on hand-picked edge cases, and on random block documents (seed printed).

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORE_SCHEMA, load, mergeTag } from 'js-yaml';
import { BlockPositions } from './block-positions.js';
import { loadBlockYaml } from './block-yaml.js';
import { splitDocuments } from './documents.js';
import { DocumentPositions } from './positions.js';
import type { PathSegment } from './positions.js';

const SCHEMA = CORE_SCHEMA.withTags(mergeTag);
const root = fileURLToPath(new URL('../../..', import.meta.url));

/** js-yaml's value, or the error it throws. */
function reference(text: string): { value: unknown } | { error: string } {
  try {
    return { value: load(text, { schema: SCHEMA }) };
  } catch (err) {
    return { error: String(err) };
  }
}

/** Every path into `value`, plus, below each node, a key and an index it does not have. */
function pathsOf(value: unknown, path: PathSegment[] = []): PathSegment[][] {
  const paths = [path, [...path, 'missing'], [...path, 99]];
  if (Array.isArray(value)) value.forEach((item, i) => paths.push(...pathsOf(item, [...path, i])));
  else if (typeof value === 'object' && value !== null)
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...path, key]));
  return paths;
}

/** Fails unless the fast path gave up or agrees with js-yaml, positions too; returns whether it took the document. */
function agrees(text: string): boolean {
  const fast = loadBlockYaml(text, SCHEMA);
  if (!fast) return false;
  expect({ text, ...reference(text) }).toEqual({ text, value: fast.value });
  const document = { text, line: 3 };
  for (const path of pathsOf(fast.value)) {
    const expected = new DocumentPositions(document).locate(path);
    expect({ text, path, position: new BlockPositions(document).locate(path) }).toEqual({ text, path, position: expected });
  }
  return true;
}

describe('loadBlockYaml', () => {
  it('agrees with js-yaml on every YAML document in the repository, and takes the block-style ones', () => {
    const files = execFileSync('git', ['ls-files', '*.yaml', '*.yml'], { cwd: root, encoding: 'utf8' }).trim().split('\n');
    let taken = 0;
    let documents = 0;
    for (const file of files) {
      for (const document of splitDocuments(readFileSync(join(root, file), 'utf8'))) {
        documents++;
        if (agrees(document.text)) taken++;
      }
    }
    console.log(`block-yaml: ${taken} of ${documents} documents in ${files.length} files took the fast path`);
    // The repository's own YAML is mostly flow style (scenarios) and Helm templates: those go to js-yaml.
    expect(taken).toBeGreaterThan(20);
  });

  it.each([
    [
      'plain, quoted and typed scalars',
      'a: x\nb: "4"\nc: \'y z\'\nd: 16Gi\ne: 4\nf: -1\ng: true\nh: null\ni: ~\nj: 1.5\nk: ""\nl: a:b\nm: x#y\n',
    ],
    ['numbers in other bases and floats resolve as js-yaml does', 'a: 0x1F\nb: 0o17\nc: 1e3\nd: .inf\ne: -.5\nf: 007\ng: +12\n'],
    [
      'indentless and indented sequences, compact mappings',
      'spec:\n  containers:\n  - name: a\n    args:\n    - x\n    - y\n  - name: b\n  list:\n    - 1\n    -\n    - - nested\n',
    ],
    [
      'sequence items: null, quoted, compact and nested mappings (positions too)',
      'a:\n  -\n  - "q"\n  - k: v\n    j:\n      - x\n  -\n    m: 1\n  - \'s\'\nb:\n- 1\n-  c: 2\n   d:\n',
    ],
    ['an empty value is null; comments and --- are skipped', '# head\n---\na:\nb:\n  # inside\n  c: 1\n'],
    ['a key that would be a number is left to js-yaml', '1: one\n'],
    ['duplicate keys are left to js-yaml', 'a: 1\na: 2\n'],
    ['merge keys, anchors and aliases are left to js-yaml', 'base: &b\n  x: 1\nuse:\n  <<: *b\n'],
    ['block scalars are left to js-yaml', 'a: |\n  text\n'],
    ['multi-line plain scalars are left to js-yaml', 'a: one\n  two\n'],
    ['flow collections are left to js-yaml', 'a: {}\nb: [1, 2]\n'],
    ['inline comments are left to js-yaml', 'a: b # note\n'],
    ['escapes and non-ASCII text are left to js-yaml', 'a: "x\\ty"\nb: é\n'],
    ['bad indentation is left to js-yaml', 'a:\n    b: 1\n  c: 2\n'],
    ['tabs are left to js-yaml', 'a:\n\tb: 1\n'],
    ['a bare scalar document is left to js-yaml', 'hello\n'],
    ['Unicode blanks are text to YAML, so left to js-yaml', 'a: x\u00a0\nb:\n\u3000 c: 1\n'],
    ['a comment behind a Unicode blank is left to js-yaml', '\u00a0# c\na: 1\n'],
    ['a sequence item after a mapping entry is left to js-yaml', 'a: 1\n- b\n'],
  ])('%s', (_name, text) => {
    agrees(text);
  });

  it('takes the documents it is meant for', () => {
    expect(loadBlockYaml('a: x\nb:\n- name: c\n  v: "4"\n', SCHEMA)).toEqual({ value: { a: 'x', b: [{ name: 'c', v: '4' }] } });
    expect(loadBlockYaml('a: 1\na: 2\n', SCHEMA)).toBeUndefined();
    expect(loadBlockYaml('a: b # note\n', SCHEMA)).toBeUndefined();
    expect(loadBlockYaml('a: x\u00a0\n', SCHEMA)).toBeUndefined();
    // Documents without content are left to the caller (manifests.ts skips them).
    for (const empty of ['', '\n', '---\n', '# only a comment\n---\n  \n']) expect(loadBlockYaml(empty, SCHEMA)).toBeUndefined();
    expect(loadBlockYaml('a: 1\n# é\u3000\n', SCHEMA)).toEqual({ value: { a: 1 } });
  });

  it('agrees with js-yaml on random block documents', () => {
    const seed = Number(process.env.BLOCK_YAML_SEED ?? Date.now() % 1_000_000);
    console.log(`block-yaml random documents: seed ${seed} (BLOCK_YAML_SEED=${seed} repeats it)`);
    let state = seed;
    const random = (n: number): number => {
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
      return (state >>> 16) % n;
    };
    const pick = <T>(list: readonly T[]): T => list[random(list.length)] as T;
    const KEYS = ['a', 'name', 'x.y/z', 'k-1', 'b', 'c', 'k', 'a', 'name', '1', 'true', 'null', '<<', '__proto__', 'a b', '"q"'];
    const GOOD = ['x', '"4"', "'s'", '16Gi', '4', 'registry.example.com/ml/trainer:2.4.1', 'a b', 'true', 'null', '-1'];
    const ODD = [
      'x',
      '"4"',
      "'s'",
      '16Gi',
      '4',
      '-1',
      '1e3',
      '.nan',
      'true',
      'False',
      'null',
      '~',
      '',
      'a:b',
      'a: b',
      'x #c',
      'x#c',
      '[1]',
      '{}',
      '&a x',
      '*a',
      '!!str 1',
      '|',
      '- x',
      '"a\\"b"',
      "'it''s'",
      'a,b',
      '-x',
      '? x',
      ':x',
      '@x',
      'é',
    ];
    const lines: string[] = [];
    const scalar = (): string => (random(5) === 0 ? pick(ODD) : pick(GOOD));
    const node = (indent: number, depth: number, first: string | undefined): void => {
      const pad = ' '.repeat(indent);
      const kind = depth > 3 ? 'scalar' : pick(['map', 'map', 'seq', 'scalar']);
      if (kind === 'scalar') {
        lines.push(`${first ?? pad}${scalar()}`.trimEnd());
        return;
      }
      const n = 1 + random(3);
      for (let i = 0; i < n; i++) {
        const lead = i === 0 && first !== undefined ? first : pad;
        if (kind === 'map') {
          const key = pick(KEYS);
          if (random(3) === 0) lines.push(`${lead}${key}: ${scalar()}`.trimEnd());
          else {
            lines.push(`${lead}${key}:`);
            const child = random(4) === 0 ? indent : indent + pick([1, 2, 4]);
            node(child, depth + 1, undefined);
          }
        } else if (random(2) === 0) node(indent + 2, depth + 1, `${lead}- `);
        else {
          lines.push(`${lead}-`);
          node(indent + pick([1, 2]), depth + 1, undefined);
        }
        if (random(10) === 0) lines.push(`${' '.repeat(random(6))}# comment é`);
      }
    };
    let taken = 0;
    for (let k = 0; k < 3000; k++) {
      lines.length = 0;
      node(random(2), 0, undefined);
      if (agrees(`${lines.join('\n')}\n`)) taken++;
    }
    console.log(`block-yaml random documents: ${taken} of 3000 took the fast path`);
    expect(taken).toBeGreaterThan(50);
  });
});
