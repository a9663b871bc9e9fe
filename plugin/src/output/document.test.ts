import { parse } from 'yaml';
import { isDocumentFormat, renderDocument } from './document.js';

describe('renderDocument', () => {
  const shared = { cpu: '2' };
  const document = { kind: 'Example', items: [{ requests: shared }, { requests: shared }] };

  it('prints JSON indented by two with a final newline', () => {
    expect(renderDocument({ a: 1 }, 'json')).toBe('{\n  "a": 1\n}\n');
  });

  it('prints an object that appears twice as plain YAML twice, with no anchor or alias (issue 18 item 5)', () => {
    const text = renderDocument(document, 'yaml');
    expect(text).not.toMatch(/[&*]a\d/);
    expect(text.match(/cpu: "2"/g)).toHaveLength(2);
    expect(parse(text)).toEqual(document);
  });

  it('knows its formats', () => {
    expect(['json', 'yaml', 'text', undefined].map(isDocumentFormat)).toEqual([true, true, false, false]);
  });
});
