import { describe, expect, it } from '@jest/globals';
import { SelectorError, parseFieldSelector, parseLabelSelector } from './selectors.js';

const labels = { app: 'training', tier: 'gpu' };

describe('label selectors', () => {
  it.each([
    ['', true],
    ['app=training', true],
    ['app==training', true],
    ['app!=training', false],
    ['app in (training,serving)', true],
    ['app in (serving)', false],
    ['app notin (serving)', true],
    ['missing notin (x)', true],
    ['tier', true],
    ['!tier', false],
    ['!missing', true],
    ['app=training,tier in (gpu, cpu),!missing', true],
    ['app=training,tier=cpu', false],
  ])('%j matches %s', (selector, expected) => {
    expect(parseLabelSelector(selector)(labels)).toBe(expected);
  });

  it('rejects what it cannot parse', () => {
    expect(() => parseLabelSelector('app in training')).toThrow(SelectorError);
  });
});

describe('field selectors', () => {
  const pod = { metadata: { name: 'p', namespace: 'ns' }, spec: { nodeName: 'node-1' }, status: { phase: 'Running' } };

  it('matches metadata and pod fields, an absent field being empty', () => {
    expect(parseFieldSelector('metadata.name=p,status.phase!=Pending', 'Pod')(pod)).toBe(true);
    expect(parseFieldSelector('spec.nodeName=node-2', 'Pod')(pod)).toBe(false);
    expect(parseFieldSelector('spec.nodeName=', 'Pod')({ metadata: { name: 'q' } })).toBe(true);
  });

  it('selects events by their involved object, as explain asks', () => {
    const event = { involvedObject: { kind: 'Pod', name: 'training-3' }, reason: 'FailedScheduling' };
    expect(parseFieldSelector('involvedObject.kind=Pod,involvedObject.name=training-3', 'Event')(event)).toBe(true);
    expect(parseFieldSelector('involvedObject.name=training-2', 'Event')(event)).toBe(false);
  });

  it('accepts only the fields the real server supports for the kind', () => {
    expect(() => parseFieldSelector('spec.nodeName=node-1', 'PodGroup')).toThrow('field label not supported: spec.nodeName');
  });
});
