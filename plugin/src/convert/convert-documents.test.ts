// convert on manifest text: comments, key order and unrelated documents survive; Lists are converted
// item by item; bad input names the file and line.

import { describe, expect, it } from '@jest/globals';
import { parse, parseAllDocuments } from 'yaml';
import { convertDocuments, ConvertInputError, parseInputs, asJsonDocument, toYamlStream } from './convert-documents.js';

const PODGROUP = `# the workers' gang
apiVersion: scheduling.k8s.io/v1alpha2
kind: PodGroup
metadata:
  name: workers # keep me
  namespace: ml
spec:
  schedulingPolicy:
    gang:
      minCount: 4
  # points at its template
  podGroupTemplateRef:
    workload:
      workloadName: train
      podGroupTemplateName: workers
  disruptionMode: PodGroup
`;

const POD = `apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ml}   # flow style stays
spec: {schedulingGroup: {podGroupName: workers}}
`;

function convert(files: Record<string, string>) {
  return convertDocuments(parseInputs(Object.entries(files).map(([name, text]) => ({ name, text }))), 'scheduling.k8s.io/v1alpha3');
}

describe('convertDocuments', () => {
  it('rewrites v1alpha2 objects in place, keeping comments and key order', () => {
    const { documents, reports } = convert({ 'pg.yaml': PODGROUP });
    const text = toYamlStream(documents);
    expect(text).toContain("# the workers' gang");
    expect(text).toContain('name: workers # keep me');
    expect(text).toContain('# points at its template\n  workloadRef:\n    workloadName: train\n    templateName: workers');
    const spec = (parse(text) as { spec: Record<string, unknown> }).spec;
    expect(Object.keys(spec)).toEqual(['schedulingPolicy', 'workloadRef', 'disruptionMode']);
    expect(spec.disruptionMode).toEqual({ all: {} });
    expect(reports).toEqual([
      expect.objectContaining({ file: 'pg.yaml', kind: 'PodGroup', namespace: 'ml', name: 'workers', decisions: [] }),
    ]);
  });

  it('passes unrelated documents through as written', () => {
    const { documents, reports } = convert({ 'all.yaml': `${POD}---\n${PODGROUP}` });
    const text = toYamlStream(documents);
    expect(text.startsWith(POD)).toBe(true);
    expect(reports.map((r) => r.kind)).toEqual(['PodGroup']);
  });

  it('converts each item of a List', () => {
    const list = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [parse(PODGROUP), parse(POD)] });
    const { documents } = convert({ 'list.json': list });
    const out = asJsonDocument(documents) as { items: Array<{ apiVersion: string; spec: Record<string, unknown> }> };
    expect(out.items.map((i) => i.apiVersion)).toEqual(['scheduling.k8s.io/v1alpha3', 'v1']);
    expect(out.items[0]?.spec.workloadRef).toEqual({ workloadName: 'train', templateName: 'workers' });
  });

  it('leaves an object needing a decision untouched and reports why', () => {
    const text = PODGROUP.replace('disruptionMode: PodGroup', 'disruptionMode: Everything');
    const { documents, reports } = convert({ 'pg.yaml': text });
    expect(toYamlStream(documents)).toBe(text);
    expect(reports[0]?.decisions).toEqual([
      { field: 'spec.disruptionMode', message: '"Everything" has no 1.37 equivalent (supported values: "Pod", "PodGroup")' },
    ]);
  });

  it('prints several objects as one v1 List in JSON', () => {
    const { documents } = convert({ 'a.yaml': `${POD}---\n${PODGROUP}` });
    const out = asJsonDocument(documents) as { kind: string; items: unknown[] };
    expect(out.kind).toBe('List');
    expect(out.items).toHaveLength(2);
    expect(parseAllDocuments(toYamlStream(documents))).toHaveLength(2);
  });

  it('names the file and line of input that is not YAML', () => {
    expect(() => convert({ 'bad.yaml': 'a: 1\nb: [unclosed\n' })).toThrow(ConvertInputError);
    expect(() => convert({ 'bad.yaml': 'a: 1\nb: [unclosed\n' })).toThrow(/^bad\.yaml:\d+:\d+: not valid YAML or JSON/);
  });
});
