import { NO_COLORS } from '../output/color.js';
import type { Diagnosis } from './model.js';
import { renderDocument } from '../output/document.js';
import { explainDocument, renderExplainText } from './render.js';

const diagnosis: Diagnosis = {
  target: { kind: 'PodGroup', namespace: 'default', name: 'g' },
  links: [
    { link: 'workload', status: 'ok', summary: 'Workload default/w has template "t"', details: [], refs: [] },
    { link: 'pods', status: 'broken', summary: '1 of minCount 2 pods exist', details: ['a Pending'], fix: 'create 1 more', refs: ['X-19'] },
  ],
  broken: {
    link: 'pods',
    status: 'broken',
    summary: '1 of minCount 2 pods exist',
    details: ['a Pending'],
    fix: 'create 1 more',
    refs: ['X-19'],
  },
  placement: null,
  live: {
    condition: null,
    events: [1, 2, 3].map((i) => ({
      object: `Pod/a-${i}`,
      type: 'Warning',
      reason: 'FailedScheduling',
      message: 'same',
      count: 1,
      lastTimestamp: '2026-11-23T10:00:00Z',
    })),
    agrees: null,
    note: 'no PodGroupScheduled condition yet',
    contradiction: null,
  },
  kueue: null,
};

describe('renderExplain', () => {
  it('prints the chain as a checklist, then the broken link with its fix and references', () => {
    const text = renderExplainText(diagnosis, NO_COLORS);
    expect(text.split('\n').slice(0, 9)).toEqual([
      'PodGroup default/g',
      '',
      '  ✓ workload        Workload default/w has template "t"',
      '  ✗ pods            1 of minCount 2 pods exist',
      '                    a Pending',
      '',
      'Broken link: pods',
      'Fix: create 1 more',
      'See: X-19',
    ]);
  });

  it('folds identical events into one row', () => {
    const text = renderExplainText(diagnosis, NO_COLORS);
    expect(text).toContain('Pod/a-1 (+2 more)');
    expect(text).not.toContain('Pod/a-2');
  });

  it('emits the diagnosis as an Explanation document', () => {
    expect(JSON.parse(renderDocument(explainDocument(diagnosis), 'json'))).toEqual({ kind: 'Explanation', ...diagnosis });
  });
});
