import type { KubeObject } from '@kubectl-workload/api';
import { simulationInput } from './input.js';
import { InvalidObjectError, validateObject } from './validate.js';

const pod = (spec: unknown): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'ns' }, spec }) as KubeObject;

describe('validateObject', () => {
  it.each([
    [pod({ containers: 'c' }), 'Pod ns/p: spec.containers: expected a list, got string "c"'],
    [
      pod({ containers: [{ resources: { requests: { cpu: true } } }] }),
      'Pod ns/p: spec.containers[0].resources.requests[cpu]: expected a quantity, got boolean true',
    ],
    [pod({ tolerations: [{ key: 1 }] }), 'Pod ns/p: spec.tolerations[0].key: expected a string, got number 1'],
    [pod({ nodeSelector: { disk: 1 } }), 'Pod ns/p: spec.nodeSelector[disk]: expected a string, got number 1'],
    [
      pod({
        affinity: {
          podAntiAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [
              { topologyKey: 'h', labelSelector: { matchExpressions: [{ key: 'a', operator: 'In', values: 'x' }] } },
            ],
          },
        },
      }),
      'Pod ns/p: spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions[0].values: expected a list, got string "x"',
    ],
    [
      { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, spec: { taints: {} } },
      'Node n: spec.taints: expected a list, got an object',
    ],
    [{ apiVersion: 'v1', kind: 'Node', metadata: {} }, 'Node <no name>: metadata.name: required'],
  ])('%#: %s', (obj, message) => {
    const kind = obj.kind as 'Pod' | 'Node';
    expect(() => validateObject(obj, kind)).toThrow(new InvalidObjectError(message));
  });

  it('accepts absent and null fields, and simulationInput checks only the kinds it reads', () => {
    expect(() => validateObject(pod({ containers: [{ name: 'c', resources: null }] }), 'Pod')).not.toThrow();
    const objects = [
      { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: 'anything' },
      {
        apiVersion: 'scheduling.k8s.io/v1alpha2',
        kind: 'PodGroup',
        metadata: { name: 'g' },
        spec: { schedulingPolicy: { gang: { minCount: '2' } } },
      },
    ] as unknown as KubeObject[];
    expect(() => simulationInput(objects)).toThrow(
      'PodGroup default/g: spec.schedulingPolicy.gang.minCount: expected a number, got string "2"',
    );
  });
});
