// The objects preemption reads beyond SimulationInput: PodDisruptionBudgets (policy/v1).

import { knownKind, type KubeObject, type PodDisruptionBudget } from '@kubectl-workload/api';

export function podDisruptionBudgets(objects: readonly KubeObject[]): PodDisruptionBudget[] {
  return objects.filter((o): o is PodDisruptionBudget => knownKind(o) === 'PodDisruptionBudget');
}
