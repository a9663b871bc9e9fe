import type { FlagSpec } from '../completion/commands.js';
import { flagError } from './flags.js';

const flag = (names: string[], boolean = false): FlagSpec => ({ names, boolean, choices: [], description: '' });
const status = [
  flag(['namespace', 'n']),
  flag(['output', 'o']),
  flag(['headers'], true),
  flag(['all-namespaces', 'A'], true),
  flag(['fail-on']),
];

describe('flagError (kubectl/pflag wording, issue 18 item 17)', () => {
  it('names an unknown flag and suggests the nearest known one', () => {
    expect(flagError(['--no-header'], status)).toBe('unknown flag: --no-header (did you mean --no-headers?)');
    expect(flagError(['--fial-on', 'error'], status)).toBe('unknown flag: --fial-on (did you mean --fail-on?)');
    expect(flagError(['--frobnicate'], status)).toBe('unknown flag: --frobnicate');
    expect(flagError(['-x'], status)).toBe("unknown shorthand flag: 'x' in -x");
  });

  it('rejects a value-taking flag without a value, at the end or before another flag', () => {
    expect(flagError(['-o'], status)).toBe("flag needs an argument: 'o' in -o");
    expect(flagError(['--namespace'], status)).toBe('flag needs an argument: --namespace');
    expect(flagError(['-n', '--no-headers'], status)).toBe("flag needs an argument: 'n' in -n");
    expect(flagError(['--fail-on', '-A'], status)).toBe('flag needs an argument: --fail-on');
  });

  it('accepts known flags, values, negated switches, grouped shorthands, - for stdin and words after --', () => {
    expect(flagError(['names', '-n', 'team-a', '--output=json', '--no-headers', '-A', '-h'], status)).toBeUndefined();
    expect(flagError(['-o', '-'], status)).toBeUndefined();
    expect(flagError(['-nteam-a', '--', '--anything'], status)).toBeUndefined();
  });
});
