// Shape checks for the fields the simulator reads, so a malformed snapshot gives an error naming
// the object and field instead of a TypeError deep inside a filter. Unknown fields are ignored.

import { nameOf, namespaceOf, parseQuantity, QuantityError, type KubeObject } from '@kubectl-workload/api';

export class InvalidObjectError extends Error {}

type Shape =
  | 'string'
  | 'number'
  | 'boolean'
  /** resource.Quantity values: string or number. */
  | 'quantities'
  | 'labels'
  | { readonly object: Readonly<Record<string, Shape>> }
  | { readonly array: Shape };

const strings: Shape = { array: 'string' };
const labelSelector: Shape = {
  object: { matchLabels: 'labels', matchExpressions: { array: { object: { key: 'string', operator: 'string', values: strings } } } },
};
const nodeSelectorTerm: Shape = {
  object: {
    matchExpressions: { array: { object: { key: 'string', operator: 'string', values: strings } } },
    matchFields: { array: { object: { key: 'string', operator: 'string', values: strings } } },
  },
};
const podAffinityTerm: Shape = {
  object: {
    labelSelector,
    namespaces: strings,
    namespaceSelector: labelSelector,
    topologyKey: 'string',
    matchLabelKeys: strings,
    mismatchLabelKeys: strings,
  },
};
const podAffinity: Shape = {
  object: {
    requiredDuringSchedulingIgnoredDuringExecution: { array: podAffinityTerm },
    preferredDuringSchedulingIgnoredDuringExecution: { array: { object: { weight: 'number', podAffinityTerm } } },
  },
};
const container: Shape = {
  object: {
    name: 'string',
    restartPolicy: 'string',
    resources: { object: { requests: 'quantities', limits: 'quantities' } },
    ports: { array: { object: { containerPort: 'number', hostPort: 'number', hostIP: 'string', protocol: 'string' } } },
  },
};
const metadata: Shape = {
  object: {
    name: 'string',
    namespace: 'string',
    labels: 'labels',
    creationTimestamp: 'string',
    deletionTimestamp: 'string',
    generation: 'number',
  },
};

const SHAPES: Readonly<Record<string, Shape>> = {
  Node: {
    object: {
      metadata,
      spec: { object: { unschedulable: 'boolean', taints: { array: { object: { key: 'string', value: 'string', effect: 'string' } } } } },
      status: { object: { allocatable: 'quantities' } },
    },
  },
  Pod: {
    object: {
      metadata,
      spec: {
        object: {
          nodeName: 'string',
          schedulerName: 'string',
          priority: 'number',
          priorityClassName: 'string',
          nodeSelector: 'labels',
          tolerations: { array: { object: { key: 'string', operator: 'string', value: 'string', effect: 'string' } } },
          affinity: {
            object: {
              nodeAffinity: {
                object: {
                  requiredDuringSchedulingIgnoredDuringExecution: { object: { nodeSelectorTerms: { array: nodeSelectorTerm } } },
                  preferredDuringSchedulingIgnoredDuringExecution: {
                    array: { object: { weight: 'number', preference: nodeSelectorTerm } },
                  },
                },
              },
              podAffinity,
              podAntiAffinity: podAffinity,
            },
          },
          containers: { array: container },
          initContainers: { array: container },
          overhead: 'quantities',
          resources: { object: { requests: 'quantities', limits: 'quantities' } },
          topologySpreadConstraints: {
            array: {
              object: {
                maxSkew: 'number',
                topologyKey: 'string',
                whenUnsatisfiable: 'string',
                labelSelector,
                minDomains: 'number',
                matchLabelKeys: strings,
              },
            },
          },
          schedulingGroup: { object: { podGroupName: 'string' } },
        },
      },
      status: { object: { phase: 'string' } },
    },
  },
  PodGroup: {
    object: {
      metadata,
      spec: {
        object: {
          schedulingPolicy: { object: { gang: { object: { minCount: 'number' } } } },
          schedulingConstraints: { object: { topology: { array: { object: { key: 'string' } } } } },
          parentCompositePodGroupName: 'string',
          priority: 'number',
          priorityClassName: 'string',
          preemptionPolicy: 'string',
        },
      },
    },
  },
  CompositePodGroup: {
    object: {
      metadata,
      spec: {
        object: {
          schedulingPolicy: { object: { gang: { object: { minGroupCount: 'number' } } } },
          schedulingConstraints: { object: { topology: { array: { object: { key: 'string' } } } } },
          parentCompositePodGroupName: 'string',
          priority: 'number',
          priorityClassName: 'string',
          preemptionPolicy: 'string',
        },
      },
    },
  },
  PriorityClass: { object: { metadata, value: 'number', globalDefault: 'boolean' } },
};

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Where a mismatch is (relative to the value checked), what was expected, and what was there. */
type Mismatch = readonly [path: string, expected: string, got: unknown];

/**
 * The first mismatch, or undefined. Absent (undefined or null) fields pass. The path is built only
 * on the way back from a mismatch: a snapshot of 150k pods would otherwise build a path string for
 * every field it visits.
 */
function mismatch(value: unknown, shape: Shape): Mismatch | undefined {
  if (value === undefined || value === null) return undefined;
  if (shape === 'string' || shape === 'number' || shape === 'boolean')
    return typeof value === shape ? undefined : ['', `a ${shape}`, value];
  if (shape === 'quantities' || shape === 'labels') {
    if (!isRecord(value)) return ['', 'a map', value];
    for (const key in value) {
      const v = value[key];
      if (!(typeof v === 'string' || (shape === 'quantities' && typeof v === 'number')))
        return [`[${key}]`, shape === 'labels' ? 'a string' : 'a quantity', v];
    }
    return undefined;
  }
  if ('array' in shape) {
    if (!Array.isArray(value)) return ['', 'a list', value];
    for (let i = 0; i < value.length; i++) {
      const m = mismatch(value[i], shape.array);
      if (m) return [`[${i}]${m[0]}`, m[1], m[2]];
    }
    return undefined;
  }
  if (!isRecord(value)) return ['', 'an object', value];
  for (const field in shape.object) {
    const m = mismatch(value[field], shape.object[field] as Shape);
    if (m) return [`.${field}${m[0]}`, m[1], m[2]];
  }
  return undefined;
}

/** `path: expected …, got …` for a mismatch found at the top of an object. */
function mismatchText([path, expected, got]: Mismatch): string {
  return `${path.startsWith('.') ? path.slice(1) : path}: expected ${expected}, got ${describe(got)}`;
}

/** Throws InvalidObjectError (`Kind namespace/name: field: expected …`) for the first malformed field. */
export function validateObject(obj: KubeObject, kind: 'Node' | 'Pod' | 'PodGroup' | 'CompositePodGroup' | 'PriorityClass'): void {
  const namespaced = kind === 'Pod' || kind === 'PodGroup' || kind === 'CompositePodGroup';
  const who = `${kind} ${namespaced ? `${namespaceOf(obj)}/` : ''}${nameOf(obj) || '<no name>'}`;
  const found = mismatch(obj, SHAPES[kind] as Shape);
  const problem = found ? mismatchText(found) : nameOf(obj) ? undefined : 'metadata.name: required';
  if (problem) throw new InvalidObjectError(`${who}: ${problem}`);
}

/**
 * The storage sizes VolumeBinding compares must parse: `PersistentVolumeClaim ns/name:
 * spec.resources.requests[storage]: …` or `PersistentVolume name: spec.capacity[storage]: …`.
 */
export function validateStorage(obj: KubeObject, kind: 'PersistentVolumeClaim' | 'PersistentVolume'): void {
  const claim = kind === 'PersistentVolumeClaim';
  const who = `${kind} ${claim ? `${namespaceOf(obj)}/` : ''}${nameOf(obj) || '<no name>'}`;
  const spec = (obj as { spec?: { resources?: { requests?: unknown }; capacity?: unknown } }).spec;
  const path = claim ? 'spec.resources.requests' : 'spec.capacity';
  const list = claim ? spec?.resources?.requests : spec?.capacity;
  const found = mismatch(list, 'quantities');
  if (found) throw new InvalidObjectError(`${who}: ${path}${found[0]}: expected ${found[1]}, got ${describe(found[2])}`);
  const storage = (list as Record<string, string | number> | undefined)?.storage;
  if (storage === undefined) return;
  try {
    parseQuantity(storage);
  } catch (err) {
    if (err instanceof QuantityError) throw new InvalidObjectError(`${who}: ${path}[storage]: ${err.message}`, { cause: err });
    throw err;
  }
}
