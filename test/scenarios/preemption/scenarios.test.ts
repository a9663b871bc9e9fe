// Preemption scenarios (spec scheduler.md §1.4, §1.6, §4, §5.1): pods, groups and victims[] with
// preemption on, as `kubectl workload simulate -o json` runs by default.

import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeScenarios } from '../scenario-runner.js';

describeScenarios({
  title: 'preemption scenarios',
  dir: dirname(fileURLToPath(import.meta.url)),
  minFiles: 6,
  preemption: true,
});
