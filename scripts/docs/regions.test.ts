import { fillRegions, regionNames } from './regions.ts';

const doc = [
  '# Title',
  'hand-written',
  '<!-- BEGIN GENERATED: a -->',
  'old a',
  '<!-- END GENERATED: a -->',
  'middle',
  '<!-- BEGIN GENERATED: b -->',
  '<!-- END GENERATED: b -->',
  'tail',
  '',
].join('\n');

describe('generated regions', () => {
  it('lists region names in order', () => {
    expect(regionNames(doc)).toEqual(['a', 'b']);
  });

  it('replaces only region bodies and keeps the hand-written text', () => {
    const out = fillRegions('x.md', doc, (name) => `new ${name}`);
    expect(out).toBe(
      [
        '# Title',
        'hand-written',
        '<!-- BEGIN GENERATED: a -->',
        'new a',
        '<!-- END GENERATED: a -->',
        'middle',
        '<!-- BEGIN GENERATED: b -->',
        'new b',
        '<!-- END GENERATED: b -->',
        'tail',
        '',
      ].join('\n'),
    );
  });

  it('is stable: filling twice gives the same text', () => {
    const once = fillRegions('x.md', doc, (name) => `new ${name}\n`);
    expect(fillRegions('x.md', once, (name) => `new ${name}\n`)).toBe(once);
  });

  it('names the file and region when the end marker is missing', () => {
    expect(() => fillRegions('docs/x.md', '<!-- BEGIN GENERATED: a -->\nbody\n', () => '')).toThrow(
      'docs/x.md: generated region a has no "<!-- END GENERATED: a -->" line',
    );
  });

  it('names the file and region when nothing renders it', () => {
    expect(() => fillRegions('docs/x.md', doc, () => undefined)).toThrow('docs/x.md: no generator for region a');
  });
});
