import { objectMetaRules } from '../../validation/index.js';

/** PG-01 name, PG-02 namespace (an omitted one is the request's), PG-20 both immutable. */
export const [pg01, pg02, pg20] = objectMetaRules('PodGroup', { name: 'PG-01', namespace: 'PG-02', update: 'PG-20' });
