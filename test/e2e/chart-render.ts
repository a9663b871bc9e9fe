// Renders the webhook's deployment both ways an operator installs it: the Helm chart with the repo's
// pinned helm (scripts/helm.mjs) and the kustomize targets with the real `kubectl kustomize`.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { pinnedKubectlPath } from '@kubectl-workload/test';

export type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- rendered YAML, checked field by field

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const chartDir = join(repoRoot, 'charts/workload-webhook');
export const manifestsDir = join(repoRoot, 'manifests');
export const NAMESPACE = 'workload-webhook-system';
/** The release an operator following docs/operations.md installs: same object names as kustomize. */
export const RELEASE = 'workload-webhook';

function parseObjects(text: string): Obj[] {
  return parseAllDocuments(text)
    .map((doc) => doc.toJS() as Obj | null)
    .filter((o): o is Obj => o !== null);
}

/** `kubectl kustomize` of the repo's pinned kubectl: a fresh clone need not have one on PATH. */
export function renderKustomize(dir: string): Obj[] {
  return parseObjects(execFileSync(pinnedKubectlPath(), ['kustomize', dir], { encoding: 'utf8' }));
}

let helmBinary: string | undefined;
export function helmPath(): string {
  helmBinary ??= execFileSync(process.execPath, [join(repoRoot, 'scripts/helm.mjs'), '--print-path'], { encoding: 'utf8' }).trim();
  return helmBinary;
}

export interface HelmResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function helm(args: string[]): HelmResult {
  const { status, stdout, stderr } = spawnSync(helmPath(), args, { encoding: 'utf8' });
  return { status, stdout, stderr };
}

export function valuesFile(values: Obj): string {
  const file = join(mkdtempSync(join(tmpdir(), 'chart-values-')), 'values.json');
  writeFileSync(file, JSON.stringify(values));
  return file;
}

export interface RenderOptions {
  release?: string;
  namespace?: string;
  /** `install --dry-run=client` instead of `template`: the command the schema must stop. */
  command?: 'template' | 'install';
}

/** Runs helm on the chart with these values; the result as helm printed it. */
export function helmRender(values: Obj = {}, options: RenderOptions = {}): HelmResult {
  const { release = RELEASE, namespace = NAMESPACE, command = 'template' } = options;
  const extra = command === 'install' ? ['--dry-run=client'] : [];
  return helm([command, release, chartDir, '--namespace', namespace, '--values', valuesFile(values), ...extra]);
}

/** The chart's objects for these values; a helm failure fails the test with helm's message. */
export function renderChart(values: Obj = {}, options: RenderOptions = {}): Obj[] {
  const result = helmRender(values, options);
  if (result.status !== 0) throw new Error(`helm template failed (${result.status}): ${result.stderr}`);
  return parseObjects(result.stdout);
}

export function one(objects: Obj[], kind: string, name?: string): Obj {
  const found = objects.filter((o) => o.kind === kind && (name === undefined || o.metadata.name === name));
  expect(found.map((o) => `${o.kind}/${o.metadata.name}`)).toHaveLength(1);
  return found[0] as Obj;
}

export function webhooksOf(objects: Obj[]): Obj[] {
  return [...one(objects, 'ValidatingWebhookConfiguration').webhooks, ...one(objects, 'MutatingWebhookConfiguration').webhooks];
}
