import { objectMetaRules } from '../../validation/index.js';

/** WL-01 name, WL-02 namespace (an omitted one is the request's), WL-03 both immutable. */
export const [wl01, wl02, wl03] = objectMetaRules('Workload', { name: 'WL-01', namespace: 'WL-02', update: 'WL-03' });
