import type { FlagSpec } from '../completion/commands.js';
import { commandError, flagError } from './flags.js';

const flag = (names: string[], boolean = false, choices: string[] = []): FlagSpec => ({ names, boolean, choices, description: '' });
const status = [
  flag(['namespace', 'n']),
  flag(['output', 'o'], false, ['wide', 'json', 'yaml']),
  flag(['headers'], true),
  flag(['all-namespaces', 'A'], true),
  flag(['fail-on'], false, ['error', 'warning', 'info']),
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
    expect(flagError(['-n', '-'], status)).toBeUndefined();
    expect(flagError(['-nteam-a', '--', '--anything'], status)).toBeUndefined();
  });

  it('rejects a value outside the choices as pflag does, and -o as kubectl printers do', () => {
    expect(flagError(['--fail-on', 'fatal'], status)).toBe(
      'invalid argument "fatal" for "--fail-on" flag: must be one of error, warning, info',
    );
    expect(flagError(['--fail-on=warn'], status)).toBe('invalid argument "warn" for "--fail-on" flag: must be one of error, warning, info');
    expect(flagError(['-o', 'xml'], status)).toBe(
      'unable to match a printer suitable for the output format "xml", allowed formats are: wide,json,yaml',
    );
    expect(flagError(['-o', 'json', '--fail-on=info', 'names'], status)).toBeUndefined();
  });
});

describe('commandError (Cobra wording)', () => {
  it('names an unknown command for kubectl workload and suggests the nearest one', () => {
    const commands = ['lint', 'status', 'explain', 'simulate'];
    expect(commandError('stauts', commands)).toBe('unknown command "stauts" for "kubectl workload" (did you mean "status"?)');
    expect(commandError('frobnicate', commands)).toBe('unknown command "frobnicate" for "kubectl workload"');
    expect(commandError('lint', commands)).toBeUndefined();
  });
});
