// Scheduling scenarios without preemption (spec scheduler.md §1–§3, §5, §8c): test/scenarios/*.yaml.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeScenarios } from '../scenarios/scenario-runner.js';

describeScenarios({
  title: 'scheduling scenarios',
  dir: join(dirname(fileURLToPath(import.meta.url)), '..', 'scenarios'),
  minFiles: 20,
  preemption: false,
});
