import { gang } from '../test-support/builders.js';
import { permit, preEnqueue } from './gang-scheduling.js';

describe('GangScheduling', () => {
  it('PreEnqueue waits for the PodGroup, then for minCount members', () => {
    expect(preEnqueue(undefined, 'train', 2, 5)).toBe('waiting for pods\'s pod group "train" to appear in scheduling queue');
    expect(preEnqueue(gang('train', 3), 'train', 3, 2)).toBe('waiting for minCount pods from a gang to appear in scheduling queue');
    expect(preEnqueue(gang('train', 3), 'train', 3, 3)).toBeUndefined();
    expect(preEnqueue(gang('train', 3), 'train', undefined, 0)).toBeUndefined();
  });

  it('Permit waits below minCount and admits at it; a basic group is always admitted', () => {
    expect(permit(1, 2)).toBe('Wait');
    expect(permit(2, 2)).toBe('Success');
    expect(permit(1, undefined)).toBe('Success');
  });
});
