// Per-rule severity overrides, read by the webhook's --config FILE and by lint (--config FILE or
// .kubectl-workload.yaml at the repository root), e.g.
//   rules:
//     deny     # error: the request is rejected
//     off      # the rule does not run
//     warn     # a warning in the API response
// Every problem names the file and the offending key.

import { readFile } from 'node:fs/promises';
import type { SeverityOverride } from './engine.js';
import { ALL_RULES } from './registry.js';
import { parse } from 'yaml';

export class SeverityConfigError extends Error {}

const ACTIONS: Readonly<Record<string, SeverityOverride>> = { deny: 'error', warn: 'warning', off: 'off' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseSeverityConfig(text: string, file: string): Record<string, SeverityOverride> {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw new SeverityConfigError(`${file}: not valid YAML: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  if (doc === null || doc === undefined) return {};
  if (!isRecord(doc)) throw new SeverityConfigError(`${file}: expected a mapping with a "rules" key`);
  const unknownKeys = Object.keys(doc).filter((k) => k !== 'rules');
  if (unknownKeys.length) throw new SeverityConfigError(`${file}: unknown key(s) ${unknownKeys.join(', ')} (only "rules" is read)`);
  const rules = doc.rules ?? {};
  if (!isRecord(rules)) throw new SeverityConfigError(`${file}: rules: expected a mapping of rule id to deny, warn or off`);
  const known = new Set(ALL_RULES.map((r) => r.id));
  const unknownIds = Object.keys(rules).filter((id) => !known.has(id));
  if (unknownIds.length) throw new SeverityConfigError(`${file}: rules: unknown rule id(s) ${unknownIds.join(', ')}`);
  const overrides: Record<string, SeverityOverride> = {};
  for (const [id, action] of Object.entries(rules)) {
    const severity = typeof action === 'string' ? ACTIONS[action] : undefined;
    if (!severity) throw new SeverityConfigError(`${file}: rules.${id}: expected deny, warn or off, got ${JSON.stringify(action)}`);
    overrides[id] = severity;
  }
  return overrides;
}

export async function loadSeverityConfig(file: string): Promise<Record<string, SeverityOverride>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new SeverityConfigError(`${file}: cannot read: ${err instanceof Error ? err.message : String(err)}`);
  }
  return parseSeverityConfig(text, file);
}
