import { parseSeverityConfig, SeverityConfigError } from './severity-config.js';

describe('parseSeverityConfig (--config)', () => {
  it('maps deny, warn and off to error, warning and off', () => {
    expect(parseSeverityConfig('rules:\n  WL-04: warn\n', 'c.yaml')).toEqual({ 'WL-04': 'warning' });
    expect(parseSeverityConfig('rules: {WL-04: off}', 'c.yaml')).toEqual({ 'WL-04': 'off' });
    expect(parseSeverityConfig('rules: {WL-04: deny}', 'c.yaml')).toEqual({ 'WL-04': 'error' });
    expect(parseSeverityConfig('', 'c.yaml')).toEqual({});
  });

  it.each([
    ['rules: {X-99: off, Y-1: warn}', 'c.yaml: rules: unknown rule id(s) X-99, Y-1'],
    ['rules: {WL-04: block}', 'c.yaml: rules.WL-04: expected deny, warn or off, got "block"'],
    ['rules: [WL-04]', 'c.yaml: rules: expected a mapping of rule id to deny, warn or off'],
    ['severity: {}', 'c.yaml: unknown key(s) severity (only "rules" is read)'],
    ['- a', 'c.yaml: expected a mapping with a "rules" key'],
  ])('rejects %j naming the file and key', (text, message) => {
    expect(() => parseSeverityConfig(text, 'c.yaml')).toThrow(new SeverityConfigError(message));
  });

  it('reports YAML syntax errors with the file name', () => {
    expect(() => parseSeverityConfig('rules: {', 'c.yaml')).toThrow(/^c\.yaml: not valid YAML: /);
  });
});
