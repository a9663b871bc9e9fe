import { loadManifests } from './manifests.js';

const WORKLOAD = `# leading comment
---
apiVersion: scheduling.k8s.io/v1alpha2
kind: Workload
metadata:
  name: w
spec:
  podGroupTemplates:
    - name: workers
      schedulingPolicy:
        gang:
          minCount: 0
---
apiVersion: v1
kind: Pod
metadata:
  name: p
`;

describe('loadManifests', () => {
  it('reads every document of a multi-document file', () => {
    const { objects, diagnostics } = loadManifests({ name: 'a.yaml', text: WORKLOAD });
    expect(diagnostics).toEqual([]);
    expect(objects.map((o) => [o.file, o.object.kind, o.object.metadata?.name])).toEqual([
      ['a.yaml', 'Workload', 'w'],
      ['a.yaml', 'Pod', 'p'],
    ]);
  });

  it('locates a field by its path, counting lines from the start of the file', () => {
    const [workload] = loadManifests({ name: 'a.yaml', text: WORKLOAD }).objects;
    expect(workload?.position('spec.podGroupTemplates[0].schedulingPolicy.gang.minCount')).toEqual({ line: 12, column: 11 });
    expect(workload?.position('spec.podGroupTemplates[0]')).toEqual({ line: 9, column: 7 });
  });

  it('points a missing field at its nearest existing parent', () => {
    const [workload, pod] = loadManifests({ name: 'a.yaml', text: WORKLOAD }).objects;
    expect(workload?.position('spec.podGroupTemplates[0].schedulingPolicy.basic')).toEqual({ line: 10, column: 7 });
    expect(workload?.position('spec.podGroupTemplates[3].name')).toEqual({ line: 8, column: 3 });
    expect(pod?.position('spec.schedulingGroup.podGroupName')).toEqual({ line: 14, column: 1 });
  });

  it('flattens List items and locates fields inside them', () => {
    const text =
      'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata:\n      name: a\n  - apiVersion: v1\n    kind: Pod\n    metadata:\n      name: b\n';
    const { objects } = loadManifests({ name: 'list.yaml', text });
    expect(objects.map((o) => o.object.metadata?.name)).toEqual(['a', 'b']);
    expect(objects[1]?.position('metadata.name')).toEqual({ line: 11, column: 7 });
  });

  it('reads JSON files, with positions', () => {
    const text = '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": {\n    "name": "j"\n  }\n}\n';
    const [pod] = loadManifests({ name: 'p.json', text }).objects;
    expect(pod?.object.metadata?.name).toBe('j');
    expect(pod?.position('metadata.name')).toEqual({ line: 5, column: 5 });
  });

  it('locates fields in flow collections, behind quoted keys and in sequences of scalars', () => {
    const lines = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: a, "labels": {x: y}}',
      'spec:',
      '  containers:',
      '  - name: c',
      '    args: ["a", \'b\']',
    ];
    const [pod] = loadManifests({ name: 'f.yaml', text: lines.join('\n') + '\n' }).objects;
    expect(pod?.position('metadata.labels')).toEqual({ line: 3, column: lines[2]!.indexOf('"labels"') + 1 });
    expect(pod?.position('metadata.labels.x')).toEqual({ line: 3, column: lines[2]!.indexOf('x: y') + 1 });
    expect(pod?.position('spec.containers[0].args[1]')).toEqual({ line: 7, column: lines[6]!.indexOf("'b'") + 1 });
    expect(pod?.position('spec.containers[0].args[5]')).toEqual({ line: 7, column: 5 });
  });

  it('reports a YAML syntax error with its file position and keeps the other documents', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n';
    const { objects, diagnostics } = loadManifests({ name: 'bad.yaml', text });
    expect(objects.map((o) => o.object.metadata?.name)).toEqual(['ok']);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'bad.yaml', line: 10 });
    expect(diagnostics[0]?.message).toMatch(/^YAML syntax error: /);
  });

  it('reports a broken JSON file through the YAML parser, with a position', () => {
    const { diagnostics } = loadManifests({ name: 'bad.json', text: '{\n  "kind": "Pod",\n  "apiVersion": "v1"\n  "metadata": {}\n}\n' });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.line).toBeGreaterThan(1);
  });

  it('names file and line of something that is not a Kubernetes object', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n---\nfoo: bar\n---\njust a string\n';
    const { objects, diagnostics } = loadManifests({ name: 'x.yaml', text });
    expect(objects).toHaveLength(1);
    expect(diagnostics).toEqual([
      { file: 'x.yaml', line: 5, column: 1, message: 'not a Kubernetes object: missing apiVersion and kind' },
      { file: 'x.yaml', line: 7, column: 1, message: 'expected a Kubernetes object, got a string' },
    ]);
  });

  it('resolves anchors and << merge keys as Kubernetes does', () => {
    const text =
      'apiVersion: v1\nkind: List\nitems:\n  - &base {apiVersion: v1, kind: Pod, metadata: {name: a, namespace: ns}}\n  - <<: *base\n    metadata: {name: b}\n';
    const { objects } = loadManifests({ name: 'm.yaml', text });
    expect(objects.map((o) => [o.object.kind, o.object.metadata?.name])).toEqual([
      ['Pod', 'a'],
      ['Pod', 'b'],
    ]);
  });

  it('says which type field is not a string, at that field', () => {
    const { diagnostics } = loadManifests({ name: 'k.yaml', text: 'apiVersion: v1\nkind: 5\n' });
    expect(diagnostics).toEqual([
      { file: 'k.yaml', line: 2, column: 1, message: 'not a Kubernetes object: kind must be a string, got a number' },
    ]);
  });

  it('skips empty documents', () => {
    expect(loadManifests({ name: 'e.yaml', text: '---\n# nothing\n---\n' })).toEqual({ objects: [], diagnostics: [] });
  });
});
