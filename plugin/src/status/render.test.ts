import { parse } from 'yaml';
import { renderDocument } from '../output/document.js';
import { renderTable } from '../output/table.js';
import { statusDocument, statusTable } from './render.js';
import { statusRows } from './rows.js';
import { compositePodGroup, pod, podGroup, podGroup137, templateRef } from './test-support/objects.js';

const now = Date.parse('2026-11-23T13:05:00Z');
const rows = statusRows(
  [
    podGroup(
      'train',
      {
        podGroupTemplateRef: templateRef('llm', 'workers'),
        schedulingPolicy: { gang: { minCount: 2 } },
        priorityClassName: 'high',
        priority: 1000,
      },
      { status: { conditions: [{ type: 'PodGroupScheduled', status: 'True', reason: 'Scheduled' }] } },
    ),
    podGroup('web', { schedulingPolicy: { basic: {} } }, {}, 'team-b'),
  ],
  [pod('t-0', 'train', { nodeName: 'n1' }), pod('t-1', 'train', { nodeName: 'n2' })],
);

describe('status output', () => {
  it('prints the kubectl-style table without NAMESPACE unless -A', () => {
    expect(renderTable(statusTable(rows, { wide: false, allNamespaces: false, now }))).toBe(
      'NAME    WORKLOAD/TEMPLATE   POLICY   MIN      PODS   SCHEDULED        AGE\n' +
        'train   llm/workers         Gang     2        2/2    True/Scheduled   3h5m\n' +
        'web     <none>              Basic    <none>   0/0    <none>           3h5m\n',
    );
  });

  it('puts NAMESPACE first with -A and adds the wide columns with -o wide', () => {
    const out = renderTable(statusTable(rows, { wide: true, allNamespaces: true, now }), { noHeaders: true });
    const [first] = out.split('\n');
    expect(first?.split(/\s{3,}/)).toEqual([
      'default',
      'train',
      'llm/workers',
      'Gang',
      '2',
      '2/2',
      'True/Scheduled',
      '3h5m',
      '<none>',
      '<none>',
      'high (1000)',
      '<none>',
      '<none>',
    ]);
  });

  it('emits the same document as JSON and YAML, without the clock-dependent AGE', () => {
    const json = JSON.parse(renderDocument(statusDocument(rows), 'json')) as unknown;
    const yaml = parse(renderDocument(statusDocument(rows), 'yaml')) as unknown;
    expect(yaml).toEqual(json);
    expect(json).toMatchObject({
      kind: 'PodGroupStatusList',
      items: [{ name: 'train', pods: { scheduled: 2, total: 2 } }, { name: 'web' }],
    });
    expect(JSON.stringify(json)).not.toContain('3h5m');
  });

  it('names rows with their kind once a CompositePodGroup is listed, and shows PARENT with -o wide', () => {
    const tree = statusRows(
      [podGroup137('leader', { parentCompositePodGroupName: 'train', schedulingPolicy: { gang: { minCount: 1 } } })],
      [pod('l0', 'leader', { nodeName: 'n1' })],
      [
        compositePodGroup('train', {
          workloadRef: { workloadName: 'llm', templateName: 'train' },
          schedulingPolicy: { gang: { minGroupCount: 1 } },
        }),
      ],
    );
    expect(renderTable(statusTable(tree, { wide: false, allNamespaces: false, now }))).toBe(
      'NAME                      WORKLOAD/TEMPLATE   POLICY   MIN   PODS   SCHEDULED   AGE\n' +
        'compositepodgroup/train   llm/train           Gang     1     1/1    <none>      3h5m\n' +
        'podgroup/leader           <none>              Gang     1     1/1    <none>      3h5m\n',
    );
    const wide = renderTable(statusTable(tree, { wide: true, allNamespaces: false, now }));
    const [header, , child] = wide.split('\n').map((line) => line.split(/\s{2,}/));
    expect(header?.slice(7, 8)).toEqual(['PARENT']);
    expect(child?.slice(7, 8)).toEqual(['train']);
  });
});
