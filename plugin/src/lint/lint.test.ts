import { allGatesOnByVersion } from '@kubectl-workload/api';
import type { KubeObject } from '@kubectl-workload/api';
import { defineRule } from '@kubectl-workload/rules';
import { loadManifests } from '../input/manifests.js';
import { lintObjects } from './lint.js';

const text = `apiVersion: v1
kind: Pod
metadata:
  name: odd
spec:
  schedulingGroup: 5
---
apiVersion: v1
kind: Pod
metadata:
  name: fine
`;

/** A rule that fails on an object shape it did not expect, as a buggy rule would. */
const fragile = defineRule<KubeObject>({
  id: 'T-01',
  doc: 'test rule',
  severity: 'error',
  style: 'field',
  kinds: ['Pod'],
  operations: ['CREATE'],
  subResources: [''],
  check: ({ object }) => {
    if (object.metadata?.name === 'odd') throw new TypeError('schedulingGroup.podGroupName is not a function');
    return [{ type: 'FieldValueRequired', field: 'spec.schedulingGroup', detail: '' }];
  },
});

describe('lintObjects', () => {
  it('names an object a rule could not check, at its position, and lints the others', async () => {
    const { objects } = loadManifests({ name: 'pods.yaml', text });
    const { findings, diagnostics } = await lintObjects(objects, { gates: allGatesOnByVersion(), rules: [fragile] });
    expect(diagnostics).toEqual([
      { file: 'pods.yaml', line: 1, column: 1, message: 'could not check Pod default/odd: schedulingGroup.podGroupName is not a function' },
    ]);
    expect(findings.map((f) => [f.object.name, f.rule, f.line, f.column])).toEqual([['fine', 'T-01', 8, 1]]);
  });

  it('shows a name or namespace that is not a string as JSON', async () => {
    const { objects } = loadManifests({ name: 'p.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: 5, namespace: {a: 1}}\n' });
    const { findings } = await lintObjects(objects, { gates: allGatesOnByVersion(), rules: [fragile] });
    expect(findings.map((f) => f.object)).toEqual([{ apiVersion: 'v1', kind: 'Pod', namespace: '{"a":1}', name: '5' }]);
  });
});
