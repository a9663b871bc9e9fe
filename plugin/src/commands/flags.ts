// Flag errors as kubectl (spf13/pflag) words them, checked before yargs parses: an unknown flag is
// "unknown flag: --no-header" with the nearest known flag suggested, and a flag that takes a value
// but has none is "flag needs an argument" instead of yargs' "Given: true" or a silent empty string;
// a value outside the flag's choices is pflag's "invalid argument" (kubectl's printer error for -o).

import { closeNames } from '@kubectl-workload/cluster/suggest';
import type { FlagSpec } from '../completion/commands.js';

/** Flags every command takes. */
const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { names: ['help', 'h'], boolean: true, choices: [], description: '' },
  { names: ['version'], boolean: true, choices: [], description: '' },
];

/** Long names as typed: each flag's, and `no-NAME` for switches (yargs' negation, kubectl's `--no-headers`). */
function longNames(flags: readonly FlagSpec[]): string[] {
  return flags.flatMap((f) => f.names.filter((n) => n.length > 1).flatMap((n) => (f.boolean ? [n, `no-${n}`] : [n])));
}

function suggestion(name: string, known: readonly string[]): string {
  const [best] = closeNames(name, known, 1);
  return best ? ` (did you mean --${best}?)` : '';
}

function lookup(flags: readonly FlagSpec[], name: string): FlagSpec | undefined {
  return flags.find((f) => f.names.includes(name) || (f.boolean && name.startsWith('no-') && f.names.includes(name.slice(3))));
}

/** The first flag error in a command's words (after the command name), or undefined. */
export function flagError(words: readonly string[], commandFlags: readonly FlagSpec[]): string | undefined {
  const flags = [...GLOBAL_FLAGS, ...commandFlags];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === '--') return undefined;
    if (word === '-' || !word.startsWith('-') || /^-\d/.test(word)) continue;
    const long = word.startsWith('--');
    const [name = '', value] = word.slice(long ? 2 : 1).split(/=(.*)/s);
    // -abc groups switches, as pflag reads them; a value-taking shorthand may carry its value (-nteam-a).
    if (!long && name.length > 1) {
      const first = lookup(flags, name[0] ?? '');
      if (!first) return `unknown shorthand flag: '${name[0] ?? ''}' in ${word}`;
      continue;
    }
    const flag = lookup(flags, name);
    if (!flag)
      return long ? `unknown flag: --${name}${suggestion(name, longNames(flags))}` : `unknown shorthand flag: '${name}' in ${word}`;
    if (flag.boolean) continue;
    if (value === undefined) {
      const next = words[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-' && !/^-\d/.test(next))) {
        return long ? `flag needs an argument: --${name}` : `flag needs an argument: '${name}' in -${name}`;
      }
      i++;
    }
    const invalid = choiceError(flag, value ?? words[i] ?? '');
    if (invalid) return invalid;
  }
  return undefined;
}

/** `-n, --namespace` as pflag names a flag in its errors. */
function flagTitle(flag: FlagSpec): string {
  const long = flag.names.find((n) => n.length > 1);
  const short = flag.names.find((n) => n.length === 1);
  return [short && `-${short}`, long && `--${long}`].filter(Boolean).join(', ');
}

function choiceError(flag: FlagSpec, value: string): string | undefined {
  if (!flag.choices.length || flag.choices.includes(value)) return undefined;
  if (flag.names.includes('output'))
    return `unable to match a printer suitable for the output format "${value}", allowed formats are: ${flag.choices.join(',')}`;
  return `invalid argument "${value}" for "${flagTitle(flag)}" flag: must be one of ${flag.choices.join(', ')}`;
}

/** Cobra's error for a first word that names no command, with the nearest command suggested. */
export function commandError(word: string, commands: readonly string[]): string | undefined {
  if (commands.includes(word)) return undefined;
  const [best] = closeNames(word, commands, 1);
  return `unknown command "${word}" for "kubectl workload"${best ? ` (did you mean "${best}"?)` : ''}`;
}

/**
 * yargs' own texts for what the checks above leave to it (positional counts, a stray word), in
 * Cobra's words (yargs.updateStrings); each %s is filled in order.
 */
export const YARGS_STRINGS = {
  'Not enough non-option arguments: got %s, need at least %s': {
    one: 'received %s arg(s), requires at least %s',
    other: 'received %s arg(s), requires at least %s',
  },
  'Too many non-option arguments: got %s, maximum of %s': {
    one: 'received %s arg(s), accepts at most %s',
    other: 'received %s arg(s), accepts at most %s',
  },
  'Unknown argument: %s': { one: 'unexpected argument: %s', other: 'unexpected arguments: %s' },
  // A positional outside its choices (`completion fish`): yargs adds a line per argument.
  'Invalid values:': 'invalid argument:',
  'Argument: %s, Given: %s, Choices: %s': '%s: %s is not one of %s',
};
