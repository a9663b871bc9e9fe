import { LabelSelectorError, parseLabelSelector } from './label-selector.js';

const labels = { app: 'trainer', tier: 'gpu', 'example.com/team': 'ml' };

describe('parseLabelSelector (kubectl -l syntax)', () => {
  it.each([
    ['', true],
    ['app=trainer', true],
    ['app==trainer', true],
    ['app=web', false],
    ['app!=web', true],
    ['missing!=x', true],
    ['app', true],
    ['!app', false],
    ['!missing', true],
    ['tier in (cpu, gpu)', true],
    ['tier notin (cpu,gpu)', false],
    ['missing notin (a)', true],
    ['app=trainer,tier in (cpu,gpu),example.com/team=ml', true],
    ['app=trainer,tier=cpu', false],
  ])('%s -> %s', (selector, expected) => {
    expect(parseLabelSelector(selector)(labels)).toBe(expected);
  });

  it('treats an object without labels as having none', () => {
    expect(parseLabelSelector('!app')(undefined)).toBe(true);
    expect(parseLabelSelector('app')(undefined)).toBe(false);
  });

  it('rejects a malformed requirement with a message naming it', () => {
    expect(() => parseLabelSelector('app=trainer,=x')).toThrow(LabelSelectorError);
    expect(() => parseLabelSelector('app=trainer,=x')).toThrow('unable to parse requirement "=x" in label selector "app=trainer,=x"');
  });
});
