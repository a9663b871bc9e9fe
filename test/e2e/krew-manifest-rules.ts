// krew's rules for a plugin manifest in the index (krew's ValidatePlugin, plus what the index
// checks on top): the file is named after the plugin, the version is semver with a `v`, every
// platform has a selector on os/arch only, a uri, a sha256 matching the archive it names, a bin;
// no two platforms select the same os/arch.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';

const SAFE_NAME = /^[\w-]+$/;
const SHA256 = /^[a-f0-9]{64}$/;
// krew's semver parser: a leading `v`, then semantic-version 2.0.0.
const SEMVER = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;
const OS = new Set(['linux', 'darwin', 'windows']);
const ARCH = new Set(['amd64', 'arm64', '386', 'arm', 'ppc64le', 's390x']);

interface Platform {
  selector?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] };
  uri?: string;
  sha256?: string;
  bin?: string;
}
interface Manifest {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string };
  spec?: { version?: string; shortDescription?: string; platforms?: Platform[] };
}

/** Problems found in the manifest at `file`, whose archives are in `archiveDir` (by uri file name). */
export function krewProblems(file: string, archiveDir: string, text = readFileSync(file, 'utf8')): string[] {
  const problems: string[] = [];
  const m = parse(text) as Manifest;
  const name = basename(file).replace(/\.yaml$/, '');
  if (m.apiVersion !== 'krew.googlecontainertools.github.com/v1alpha2') problems.push(`apiVersion ${m.apiVersion} is not supported`);
  if (m.kind !== 'Plugin') problems.push(`kind ${m.kind} is not Plugin`);
  if (!SAFE_NAME.test(name)) problems.push(`plugin name ${name} must match ${SAFE_NAME.source}`);
  if (m.metadata?.name !== name) problems.push(`plugin should be named ${name}, not ${m.metadata?.name}`);
  const spec = m.spec ?? {};
  if (!spec.shortDescription) problems.push('should have a short description');
  else if (/[\r\n]/.test(spec.shortDescription)) problems.push('should not have line breaks in short description');
  if (!SEMVER.test(spec.version ?? '')) problems.push(`version ${spec.version} is not semver with a leading v`);
  const platforms = spec.platforms ?? [];
  if (!platforms.length) problems.push('should have a platform specified');
  const selected = new Set<string>();
  platforms.forEach((p, i) => {
    const at = `platforms[${i}]`;
    const labels = p.selector?.matchLabels ?? {};
    if (!p.selector || (!Object.keys(labels).length && !p.selector.matchExpressions?.length))
      problems.push(`${at}: empty selector is not supported`);
    for (const key of Object.keys(labels)) if (key !== 'os' && key !== 'arch') problems.push(`${at}: selector key ${key} not supported`);
    if (labels.os && !OS.has(labels.os)) problems.push(`${at}: unknown os ${labels.os}`);
    if (labels.arch && !ARCH.has(labels.arch)) problems.push(`${at}: unknown arch ${labels.arch}`);
    const key = `${labels.os}/${labels.arch}`;
    if (selected.has(key)) problems.push(`${at}: ${key} is already selected by another platform`);
    selected.add(key);
    if (!p.bin) problems.push(`${at}: bin has to be set`);
    if (!p.uri) problems.push(`${at}: uri has to be set`);
    if (!SHA256.test(p.sha256 ?? '')) problems.push(`${at}: sha256 ${p.sha256} must match ${SHA256.source}`);
    else if (p.uri) {
      const archive = join(archiveDir, basename(new URL(p.uri).pathname));
      const actual = createHash('sha256').update(readFileSync(archive)).digest('hex');
      if (actual !== p.sha256) problems.push(`${at}: sha256 ${p.sha256} does not match ${basename(archive)} (${actual})`);
    }
  });
  return problems;
}
