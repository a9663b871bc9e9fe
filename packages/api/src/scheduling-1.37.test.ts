import { disruptionModeName, scheduledConditionOf, scheduledConditionType } from './scheduling-1.37.js';

describe('scheduledConditionType', () => {
  it('names the condition by API version and kind (PG-41, CPG-12)', () => {
    expect(scheduledConditionType({ apiVersion: 'scheduling.k8s.io/v1alpha2', kind: 'PodGroup' })).toBe('PodGroupScheduled');
    expect(scheduledConditionType({ apiVersion: 'scheduling.k8s.io/v1beta1', kind: 'PodGroup' })).toBe('PodGroupInitiallyScheduled');
    expect(scheduledConditionType({ apiVersion: 'scheduling.k8s.io/v1alpha3', kind: 'PodGroup' })).toBe('PodGroupInitiallyScheduled');
    expect(scheduledConditionType({ apiVersion: 'scheduling.k8s.io/v1alpha3', kind: 'CompositePodGroup' })).toBe(
      'CompositePodGroupInitiallyScheduled',
    );
  });

  it('ignores a 1.36 condition name on a 1.37 PodGroup: nothing in 1.37 reads it (PG-41)', () => {
    const group = {
      apiVersion: 'scheduling.k8s.io/v1beta1',
      kind: 'PodGroup',
      status: {
        conditions: [
          { type: 'PodGroupScheduled', status: 'True' },
          { type: 'PodGroupInitiallyScheduled', status: 'False', reason: 'Unschedulable' },
        ],
      },
    };
    expect(scheduledConditionOf(group)).toEqual({ type: 'PodGroupInitiallyScheduled', status: 'False', reason: 'Unschedulable' });
    expect(scheduledConditionOf({ ...group, status: { conditions: [{ type: 'PodGroupScheduled', status: 'True' }] } })).toBeUndefined();
  });
});

describe('disruptionModeName', () => {
  it('keeps a 1.36 string and names the 1.37 union member', () => {
    expect(disruptionModeName('PodGroup')).toBe('PodGroup');
    expect(disruptionModeName({ all: {} })).toBe('all');
    expect(disruptionModeName({ single: {} })).toBe('single');
    expect(disruptionModeName(undefined)).toBeUndefined();
    expect(disruptionModeName({})).toBeUndefined();
  });
});
