import { decodeRule, POD_GROUP_SHAPE } from '../../validation/index.js';
import { PG_DECODE } from './spec-rule.js';

/** PG-00: the PodGroup decodes (every field has its JSON type); the other PG rules skip it otherwise. */
export const pg00 = decodeRule('PodGroup', PG_DECODE, POD_GROUP_SHAPE, ['', 'status']);
