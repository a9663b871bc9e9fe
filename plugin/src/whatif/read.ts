// Reads the manifests of `simulate -f` (files, directories, `-`) with lint's reader, and adds the
// what-if they stand for to the cluster's objects: new objects only, each valid for the simulator,
// any problem named by file and object.

import { isNamespaced, knownKind, objectKey, type KubeObject, type PersistentVolumeClaim } from '@kubectl-workload/api';
import { stateFromObjects, stateObjects, type ClusterState } from '@kubectl-workload/cluster';
import { InvalidObjectError, NodeError, RequestsError, Simulation, simulationInput } from '@kubectl-workload/simulator';
import { UserError } from '../exit.js';
import { groupBy } from '../group-by.js';
import { formatDiagnostic, loadSources, type ManifestObject } from '../input/manifests.js';
import { InputError, inputWarnings, readSources } from '../input/sources.js';
import type { WhatIf } from './synthesize.js';

/** The objects of -f, read before the cluster is: bad input fails fast. */
export async function readWhatIfManifests(
  paths: readonly string[],
  stdin: NodeJS.ReadableStream = process.stdin,
): Promise<ManifestObject[]> {
  let loaded;
  const charts: string[] = [];
  try {
    const sources = await readSources(paths, stdin, { charts });
    for (const warning of inputWarnings(sources, charts, 'simulate')) process.stderr.write(`warning: ${warning}\n`);
    loaded = loadSources(sources);
  } catch (err) {
    if (err instanceof InputError) throw new UserError(`${err.message} (-f)`);
    throw err;
  }
  if (loaded.diagnostics.length > 0) throw new UserError(loaded.diagnostics.map(formatDiagnostic).join('\nerror: '));
  if (loaded.objects.length === 0) throw new UserError(`-f ${paths.join(' ')}: no Kubernetes objects found`);
  return loaded.objects;
}

/** Loads each file's objects into a simulation of their own, so that a malformed field or quantity names its file. */
function validate(whatIf: WhatIf): void {
  for (const [file, objects] of groupBy(whatIf.objects, (o) => o.file)) {
    try {
      new Simulation(simulationInput(objects.map((o) => o.object)));
    } catch (err) {
      if (err instanceof InvalidObjectError || err instanceof RequestsError || err instanceof NodeError)
        throw new UserError(`${file}: ${err.message}`);
      throw err;
    }
  }
}

/** The DefaultStorageClass admission plugin's pick: the newest class marked default. */
function defaultStorageClass(state: ClusterState): string | undefined {
  const marked = state.storageClasses.filter((c) => c.metadata?.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true');
  marked.sort((a, b) => (b.metadata?.creationTimestamp ?? '').localeCompare(a.metadata?.creationTimestamp ?? ''));
  return marked[0]?.metadata?.name;
}

/** A new claim without a class gets the default one at admission, as the API server would give it. */
function withDefaultClass(obj: KubeObject, defaultClass: string | undefined): KubeObject {
  const claim = obj as PersistentVolumeClaim;
  if (defaultClass === undefined || obj.kind !== 'PersistentVolumeClaim' || claim.spec?.storageClassName !== undefined) return obj;
  if (claim.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] !== undefined) return obj;
  return { ...claim, spec: { ...claim.spec, storageClassName: defaultClass } } as KubeObject;
}

/** The cluster's objects with the what-if's added (kinds the simulation does not read are dropped). */
export function withWhatIf(state: ClusterState, whatIf: WhatIf): KubeObject[] {
  const existing = new Set(stateObjects(state).map((o) => objectKey(o)));
  const added: KubeObject[] = [];
  for (const { object, file, keepExisting } of whatIf.objects) {
    const key = objectKey(object);
    // A controller creates such a claim only when it is missing.
    if (keepExisting && existing.has(key)) continue;
    added.push(object);
    if (existing.has(key)) {
      const [kind, namespace, name] = key.split('/');
      const where = isNamespaced(knownKind(object)) ? `${namespace}/${name}` : name;
      throw new UserError(
        `${file}: ${kind} ${where} already exists in the cluster or earlier in -f; -f adds new objects (rename it to ask about another copy)`,
      );
    }
    existing.add(key);
  }
  validate(whatIf);
  const defaultClass = defaultStorageClass(state);
  return stateObjects(stateFromObjects([...stateObjects(state), ...added.map((o) => withDefaultClass(o, defaultClass))]));
}
