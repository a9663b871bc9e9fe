// Kubernetes 1.37 scenarios (scheduler-1.37.md): root units, validation, PreEnqueue, PlacementFeasible,
// the recursive composite algorithm, composite topology and gates, run as `simulate --kube-version 1.37 -o json`.

import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeScenarios } from '../scenario-runner.js';

describeScenarios({
  title: 'Kubernetes 1.37 scenarios',
  dir: dirname(fileURLToPath(import.meta.url)),
  minFiles: 8,
  preemption: false,
});
