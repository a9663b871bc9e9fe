import { describe, expect, it } from '@jest/globals';
import { SelectorError, parseFieldSelector } from './selectors.js';

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

  it('rejects a term that is not an equality as a SelectorError (answered 400)', () => {
    expect(() => parseFieldSelector('status.phase in (Running)', 'Pod')).toThrow(SelectorError);
  });
});
