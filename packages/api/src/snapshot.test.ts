import { ObjectsFileError, parseObjectsFile } from './snapshot.js';

describe('parseObjectsFile', () => {
  it('flattens a kubectl List and typed lists inside a multi-document YAML stream', () => {
    const text = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '- {apiVersion: v1, kind: Node, metadata: {name: n1}}',
      '- {apiVersion: v1, kind: PodList, items: [{apiVersion: v1, kind: Pod, metadata: {name: p1}}]}',
      '---',
      '# an empty document is skipped',
      '---',
      'apiVersion: scheduling.k8s.io/v1alpha2',
      'kind: PodGroup',
      'metadata: {name: g, namespace: ns}',
    ].join('\n');
    const objects = parseObjectsFile(text, 'snap.yaml');
    expect(objects.map((o) => `${o.kind}/${o.metadata?.name}`)).toEqual(['Node/n1', 'Pod/p1', 'PodGroup/g']);
  });

  it('reads JSON (kubectl -o json) through the JSON fast path', () => {
    const text = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ kind: 'Pod', metadata: { name: 'a' } }] });
    expect(parseObjectsFile(text, 'snap.json')).toEqual([{ kind: 'Pod', metadata: { name: 'a' } }]);
  });

  it('names the file, document and line of a YAML syntax error, counting empty documents', () => {
    const text = 'kind: Pod\n---\n# nothing\n---\nkind: Node\nmetadata: {name: a, name: b}\n';
    expect(() => parseObjectsFile(text, 'bad.yaml')).toThrow(ObjectsFileError);
    expect(() => parseObjectsFile(text, 'bad.yaml')).toThrow(/^bad\.yaml: document 3 \(line 6\): duplicated mapping key/);
    expect(() => parseObjectsFile('---\nkind: [\n', 'b.yaml')).toThrow(/^b\.yaml: document 1 \(line \d\): /);
  });

  it('counts documents in object errors the same way', () => {
    expect(() => parseObjectsFile('kind: Pod\n---\n# nothing\n---\n- 3\n', 'c.yaml')).toThrow(
      'c.yaml: document 3, item 0: expected a Kubernetes object, got number',
    );
  });

  it('rejects a document that is not an object, and an object without kind', () => {
    expect(() => parseObjectsFile('- 3\n', 'x.yaml')).toThrow('x.yaml: document 1, item 0: expected a Kubernetes object, got number');
    expect(() => parseObjectsFile('kind: List\nitems:\n- metadata: {name: a}\n', 'y.yaml')).toThrow(
      'y.yaml: document 1, items[0]: object has no kind',
    );
  });

  it('returns nothing for an empty file', () => {
    expect(parseObjectsFile('', 'empty.yaml')).toEqual([]);
  });
});
