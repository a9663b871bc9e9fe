// What a simulate/explain run models besides the objects: the scheduler's feature gates and its
// profiles. Gates come from --feature-gates over a default: a live API server's /metrics
// (kubernetes_feature_enabled), the gates a snapshot recorded, else all on. --scheduler-config
// reads a KubeSchedulerConfiguration. Bad input is a UserError naming the flag or file and field.

import { readFile } from 'node:fs/promises';
import { load, YAMLException } from 'js-yaml';
import {
  allGatesOn,
  featureGatesOf,
  FeatureGateError,
  kubeVersionOfObjects,
  parseFeatureGates,
  type FeatureGates,
  type KubeVersion,
} from '@kubectl-workload/api';
import { readServerGates, stateObjects, type ClusterSource, type ClusterState } from '@kubectl-workload/cluster';
import { schedulerConfiguration, SchedulerConfigError, type SchedulerConfiguration } from '@kubectl-workload/simulator';
import { UserError } from '../exit.js';

export interface RunGates {
  readonly gates: FeatureGates;
  /** One line for stderr: where the gates came from, or why the default was used. */
  readonly notice: string | undefined;
}

/** `A=true,B=false` for the workload gates of the version, in table order. */
export function formatGates(gates: Partial<FeatureGates>, version: KubeVersion = '1.36'): string {
  return featureGatesOf(version)
    .filter((g) => gates[g] !== undefined)
    .map((g) => `${g}=${String(gates[g])}`)
    .join(', ');
}

/** `A=true,B=false`, the form --feature-gates and a snapshot's annotation take. */
export function gatesSpec(gates: FeatureGates, version: KubeVersion = '1.36'): string {
  return featureGatesOf(version)
    .map((g) => `${g}=${String(gates[g])}`)
    .join(',');
}

function parseFlag(spec: string, base: FeatureGates, where: string, version: KubeVersion): FeatureGates {
  try {
    return parseFeatureGates(spec, base, version);
  } catch (err) {
    if (err instanceof FeatureGateError) throw new UserError(`${where}: ${err.message}`);
    throw err;
  }
}

export async function resolveGates(
  flag: string | undefined,
  source: ClusterSource,
  state: ClusterState,
  version: KubeVersion = '1.36',
): Promise<RunGates> {
  const override = flag ? '' : '; override with --feature-gates';
  let base = allGatesOn(version);
  let notice: string | undefined;
  if ('client' in source) {
    const server = await readServerGates(source.client);
    if ('forbidden' in server)
      notice = `warning: cannot read the API server's feature gates from /metrics (${server.forbidden}); assuming every gate on${override}`;
    else {
      base = { ...base, ...server.gates };
      notice = `feature gates from the API server: ${formatGates(server.gates, version) || 'none of the workload gates listed'}${override}`;
    }
  } else if (state.featureGates !== undefined) {
    base = parseFlag(state.featureGates, base, `${source.snapshot}: the recorded feature gates`, version);
    notice = `feature gates from the snapshot: ${formatGates(base, version)}${override}`;
  }
  return { gates: flag ? parseFlag(flag, base, '--feature-gates', version) : base, notice };
}

/** --scheduler-config FILE, validated; undefined without the flag. */
export async function readSchedulerConfig(file: string | undefined): Promise<SchedulerConfiguration | undefined> {
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new UserError(`cannot read --scheduler-config "${file}": ${(err as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = load(text);
  } catch (err) {
    if (err instanceof YAMLException) throw new UserError(`${file}: ${err.message}`);
    throw err;
  }
  try {
    return schedulerConfiguration(doc, file);
  } catch (err) {
    if (err instanceof SchedulerConfigError) throw new UserError(err.message);
    throw err;
  }
}

/**
 * The gates a simulate/explain run uses. Where they came from goes to stderr: always when it is a
 * warning, on a terminal otherwise, so that the reports of a cluster and of its snapshot stay
 * identical (their JSON names the gates).
 */
export async function runGates(
  flag: string | undefined,
  source: ClusterSource,
  state: ClusterState,
  version: KubeVersion = '1.36',
): Promise<FeatureGates> {
  const { gates, notice } = await resolveGates(flag, source, state, version);
  if (notice && (notice.startsWith('warning: ') || process.stderr.isTTY)) process.stderr.write(`${notice}\n`);
  return gates;
}

/**
 * The Kubernetes version a simulate/explain run models: --kube-version, else the version the
 * cluster serves the scheduling API in (discovery), else the one its objects' apiVersions name
 * (a snapshot of a 1.37 cluster holds v1beta1/v1alpha3 objects), else 1.36.
 */
export async function runKubeVersion(flag: KubeVersion | undefined, source: ClusterSource, state: ClusterState): Promise<KubeVersion> {
  if (flag) return flag;
  const served = 'client' in source ? await source.client.kubeVersion() : undefined;
  return served ?? kubeVersionOfObjects(stateObjects(state)) ?? '1.36';
}
