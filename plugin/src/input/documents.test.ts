import { hasContent, splitDocuments } from './documents.js';

describe('splitDocuments', () => {
  it('splits at --- lines and keeps each document first line', () => {
    const docs = splitDocuments('a: 1\n---\nb: 2\nc: 3\n---\nd: 4\n');
    expect(docs.map((d) => [d.line, d.text])).toEqual([
      [1, 'a: 1\n'],
      [2, '---\nb: 2\nc: 3\n'],
      [5, '---\nd: 4\n'],
    ]);
  });

  it('does not split at --- inside a line or indented', () => {
    const text = 'a: "x --- y"\nb: |\n  ---\n  text\n';
    expect(splitDocuments(text)).toEqual([{ text, line: 1 }]);
  });

  it('ends a document at ... and keeps a %YAML directive with the --- that follows it', () => {
    const docs = splitDocuments('a: 1\n...\n%YAML 1.2\n---\nb: 2\n');
    expect(docs.map((d) => [d.line, d.text])).toEqual([
      [1, 'a: 1\n...\n'],
      [3, '%YAML 1.2\n---\nb: 2\n'],
    ]);
  });

  it('handles CRLF line ends', () => {
    expect(splitDocuments('a: 1\r\n---\r\nb: 2\r\n').map((d) => d.line)).toEqual([1, 2]);
  });
});

describe('hasContent', () => {
  it('is false for markers, comments and blank lines only', () => {
    expect(hasContent('---\n# just a comment\n\n')).toBe(false);
    expect(hasContent('--- # comment\n...\n')).toBe(false);
  });

  it('is true for any node, including one on the --- line', () => {
    expect(hasContent('# c\nkind: Pod\n')).toBe(true);
    expect(hasContent('--- {kind: Pod}\n')).toBe(true);
  });
});
