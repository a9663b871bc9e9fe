import type { Rule } from '../../rule.js';
import { wl04 } from './wl-04-templates-required.js';

export const workloadRules: readonly Rule[] = [wl04];
