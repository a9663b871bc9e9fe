// Kubernetes 1.37 preemption scenarios (scheduler-1.37.md §5): workload-aware preemption only at the
// root of a hierarchy, victim units at the highest ancestor with disruptionMode all, preemptionPolicy.

import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeScenarios } from '../../scenario-runner.js';

describeScenarios({
  title: 'Kubernetes 1.37 preemption scenarios',
  dir: dirname(fileURLToPath(import.meta.url)),
  minFiles: 2,
  preemption: true,
});
