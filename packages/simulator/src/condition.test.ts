import { nextCondition } from './condition.js';

const NOW = '2026-05-01T00:00:00Z';
const EARLIER = '2026-01-01T00:00:00Z';

describe('nextCondition (spec §5.2)', () => {
  it('writes True/Scheduled, False/Unschedulable and False/SchedulerError with observedGeneration', () => {
    expect(nextCondition(undefined, 'Success', '', 3, NOW)).toEqual({
      type: 'PodGroupScheduled',
      status: 'True',
      reason: 'Scheduled',
      message: '',
      observedGeneration: 3,
      lastTransitionTime: NOW,
    });
    expect(nextCondition(undefined, 'Unschedulable', 'pod group is unschedulable', undefined, NOW)).toMatchObject({
      status: 'False',
      reason: 'Unschedulable',
      message: 'pod group is unschedulable',
    });
    expect(nextCondition(undefined, 'Error', 'boom', undefined, NOW)).toMatchObject({
      status: 'False',
      reason: 'SchedulerError',
      message: 'boom',
    });
  });

  it('never regresses from True', () => {
    const previous = { type: 'PodGroupScheduled', status: 'True', reason: 'Scheduled', message: '', lastTransitionTime: EARLIER };
    expect(nextCondition(previous, 'Unschedulable', 'pod group is unschedulable', 2, NOW)).toEqual(previous);
    expect(nextCondition(previous, 'Error', 'boom', 2, NOW)).toEqual(previous);
  });

  it('keeps lastTransitionTime while the status stays the same, and updates the reason and message', () => {
    const previous = { type: 'PodGroupScheduled', status: 'False', reason: 'Unschedulable', message: 'x', lastTransitionTime: EARLIER };
    expect(nextCondition(previous, 'Error', 'boom', undefined, NOW)).toMatchObject({
      reason: 'SchedulerError',
      message: 'boom',
      lastTransitionTime: EARLIER,
    });
    expect(nextCondition(previous, 'Success', '', undefined, NOW).lastTransitionTime).toBe(NOW);
  });
});
