// Template resourceClaims (DRAWorkloadResourceClaims). The declarative tags carry no gate check for
// template claims, so these run whatever the gates; with the gate off the API server's strategy
// drops the claims before validation on create (WL-24).

import {
  eachClaim,
  validateClaimName,
  validateClaimsMaxItems,
  validateClaimSourceNames,
  validateClaimSourceUnion,
  validateClaimsUnique,
} from '../../validation/index.js';
import type { PodGroupTemplate } from '@kubectl-workload/api';
import { defineTemplateRule } from './template-rule.js';

const claimsPath = (path: string): string => `${path}.resourceClaims`;

/** WL-19. */
export const wl19 = defineTemplateRule({
  id: 'WL-19',
  doc: 'A template has at most 4 resource claims.',
  checkTemplate: (path, t) => validateClaimsMaxItems(claimsPath(path), t.resourceClaims),
});

/** WL-20. */
export const wl20 = defineTemplateRule({
  id: 'WL-20',
  doc: 'Resource claim names are unique within a template.',
  checkTemplate: (path, t) => validateClaimsUnique(claimsPath(path), t.resourceClaims),
});

const eachTemplateClaim = (check: Parameters<typeof eachClaim>[2]) => (path: string, t: PodGroupTemplate) =>
  eachClaim(claimsPath(path), t.resourceClaims, check);

// Go validates a struct's own (union) tags before its fields, hence WL-22 before WL-21.
/** WL-22. */
export const wl22 = defineTemplateRule({
  id: 'WL-22',
  doc: 'A template resource claim sets exactly one of resourceClaimName, resourceClaimTemplateName.',
  checkTemplate: eachTemplateClaim(validateClaimSourceUnion),
});

/** WL-21. */
export const wl21 = defineTemplateRule({
  id: 'WL-21',
  doc: 'A template resource claim needs a name that is a DNS-1123 label.',
  checkTemplate: eachTemplateClaim(validateClaimName),
});

/** WL-23. */
export const wl23 = defineTemplateRule({
  id: 'WL-23',
  doc: 'resourceClaimName and resourceClaimTemplateName must be DNS-1123 subdomains.',
  checkTemplate: eachTemplateClaim(validateClaimSourceNames),
});
