// Reads the manifests of `simulate -f` (files, directories, `-`) with lint's reader, and adds the
// what-if they stand for to the cluster's objects: new objects only, each valid for the simulator,
// any problem named by file and object.

import { objectKey, type KubeObject } from '@kubectl-workload/api';
import { stateFromObjects, stateObjects, type ClusterState } from '@kubectl-workload/cluster';
import { InvalidObjectError, validateObject } from '@kubectl-workload/simulator';
import { knownKind } from '@kubectl-workload/api';
import { UserError } from '../exit.js';
import { formatDiagnostic, loadSources } from '../input/manifests.js';
import { InputError, readSources } from '../input/sources.js';
import { synthesizeWhatIf, type WhatIf } from './synthesize.js';

const VALIDATED = new Set(['Node', 'Pod', 'PodGroup', 'PriorityClass'] as const);
type ValidatedKind = typeof VALIDATED extends Set<infer K> ? K : never;

export async function readWhatIf(paths: readonly string[], namespace: string, now: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<WhatIf> {
  let loaded;
  try {
    loaded = loadSources(await readSources(paths, stdin));
  } catch (err) {
    if (err instanceof InputError) throw new UserError(`${err.message} (-f)`);
    throw err;
  }
  if (loaded.diagnostics.length > 0) throw new UserError(loaded.diagnostics.map(formatDiagnostic).join('\nerror: '));
  if (loaded.objects.length === 0) throw new UserError(`-f ${paths.join(' ')}: no Kubernetes objects found`);
  return synthesizeWhatIf(loaded.objects, namespace, now);
}

function validate(object: KubeObject, file: string): void {
  const kind = knownKind(object);
  if (!VALIDATED.has(kind as ValidatedKind)) return;
  try {
    validateObject(object, kind as ValidatedKind);
  } catch (err) {
    if (err instanceof InvalidObjectError) throw new UserError(`${file}: ${err.message}`);
    throw err;
  }
}

/** The cluster's objects with the what-if's added (kinds the simulation does not read are dropped). */
export function withWhatIf(state: ClusterState, whatIf: WhatIf): KubeObject[] {
  const existing = new Set(stateObjects(state).map((o) => objectKey(o)));
  for (const { object, file } of whatIf.objects) {
    const key = objectKey(object);
    if (existing.has(key)) {
      const [kind, namespace, name] = key.split('/');
      const where = knownKind(object) === 'Node' || knownKind(object) === 'PriorityClass' ? name : `${namespace}/${name}`;
      throw new UserError(`${file}: ${kind} ${where} already exists in the cluster or earlier in -f; -f adds new objects (rename it to ask about another copy)`);
    }
    existing.add(key);
    validate(object, file);
  }
  return stateObjects(stateFromObjects([...stateObjects(state), ...whatIf.objects.map((o) => o.object)]));
}
