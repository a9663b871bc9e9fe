import { goQuote, invalid } from '@kubectl-workload/api';
import type { PodGroupResourceClaim, PodResourceClaim } from '@kubectl-workload/api';
import { podGroupRefRule } from './pod-group-refs.js';

const sameSource = (a: PodResourceClaim, b: PodGroupResourceClaim): boolean =>
  (a.resourceClaimName ?? '') === (b.resourceClaimName ?? '') &&
  (a.resourceClaimTemplateName ?? '') === (b.resourceClaimTemplateName ?? '');

function sourceText(claim: PodGroupResourceClaim): string {
  return claim.resourceClaimName !== undefined
    ? `resourceClaimName ${goQuote(claim.resourceClaimName)}`
    : `resourceClaimTemplateName ${goQuote(claim.resourceClaimTemplateName ?? '')}`;
}

/**
 * X-16 [PROPOSAL]: a pod claim named like one of its PodGroup's claims must use the same source,
 * otherwise it silently becomes a per-pod claim instead of the group's shared one.
 */
export const x16 = podGroupRefRule({
  id: 'X-16',
  doc: "A pod claim sharing a name with its PodGroup's claim uses the same source.",
  gates: ['GenericWorkload', 'DRAWorkloadResourceClaims'],
  check: ({ path, spec, podGroupName, podGroup }) =>
    (spec.resourceClaims ?? []).flatMap((claim, i) => {
      const shared = podGroup?.spec?.resourceClaims?.find((g) => g.name === claim.name);
      if (!shared || sameSource(claim, shared)) return [];
      return [
        invalid(
          `${path}.resourceClaims[${i}]`,
          { ...claim },
          `PodGroup ${goQuote(podGroupName)} has a claim of this name with ${sourceText(shared)}; with a different source this pod gets its own claim instead of the group's shared one`,
        ),
      ];
    }),
});
