import { decodeRule, WORKLOAD_SHAPE } from '../../validation/index.js';
import { WL_DECODE } from './template-rule.js';

/** WL-00: the Workload decodes (every field has its JSON type); the other WL rules skip it otherwise. */
export const wl00 = decodeRule('Workload', WL_DECODE, WORKLOAD_SHAPE, ['']);
