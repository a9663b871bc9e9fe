import { describe, expect, it } from '@jest/globals';
import { EVENT_WINDOW_MS, recentSubjectEvents } from './events.js';
import type { KubeEvent } from './kinds.js';
import { stateFromObjects } from './state.js';

const NEWEST = Date.parse('2026-11-23T12:00:00Z');

function event(name: string, kind: string, at: number | undefined, field: 'lastTimestamp' | 'eventTime' = 'lastTimestamp'): KubeEvent {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: 'ns' },
    involvedObject: { kind, name: 'x', namespace: 'ns' },
    ...(at === undefined ? {} : { [field]: new Date(at).toISOString() }),
  };
}

const names = (events: readonly KubeEvent[]) => events.map((e) => e.metadata?.name);

describe('recentSubjectEvents', () => {
  it('keeps events about Pods, PodGroups and Jobs only', () => {
    const events = ['Pod', 'PodGroup', 'Job', 'Node', 'Deployment'].map((kind) => event(kind, kind, NEWEST));
    expect(names(recentSubjectEvents(events))).toEqual(['Pod', 'PodGroup', 'Job']);
  });

  it('drops events older than the window before the newest one, whatever the clock says, and keeps undated ones', () => {
    const events = [
      event('edge', 'Pod', NEWEST - EVENT_WINDOW_MS),
      event('stale', 'Pod', NEWEST - EVENT_WINDOW_MS - 1000),
      event('newest', 'PodGroup', NEWEST, 'eventTime'),
      event('undated', 'Job', undefined),
    ];
    expect(names(recentSubjectEvents(events))).toEqual(['edge', 'newest', 'undated']);
  });

  it('sorts core/v1 Events of a snapshot into the state, and nothing of events.k8s.io', () => {
    const state = stateFromObjects([event('core', 'Pod', NEWEST), { ...event('new-api', 'Pod', NEWEST), apiVersion: 'events.k8s.io/v1' }]);
    expect(names(state.events)).toEqual(['core']);
  });
});
