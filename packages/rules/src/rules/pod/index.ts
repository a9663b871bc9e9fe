import type { Rule } from '../../rule.js';
import { pod02 } from './pod-02-pod-group-name-required.js';
import { pod03 } from './pod-03-pod-group-name-format.js';
import { pod04 } from './pod-04-scheduling-group-immutable.js';
import { pod06 } from './pod-06-pod-templates.js';

export const podRules: readonly Rule[] = [pod02, pod03, pod04, pod06];
