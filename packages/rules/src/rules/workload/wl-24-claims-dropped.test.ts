import { findingsOf, expectRule } from '../../test-support/expect-rule.js';
import { gang, withTemplates } from './test-support/objects.js';

const withClaim = withTemplates(gang('t', 2, { resourceClaims: [{ name: 'c', resourceClaimName: 'rc' }] }));
const draOff = { gates: { DRAWorkloadResourceClaims: false } };

describe('WL-24 template claims dropped while DRAWorkloadResourceClaims is off', () => {
  it('says nothing with the gate on', async () => {
    await expectRule('WL-24', withClaim).toPass();
  });
  it('warns with the gate off', async () => {
    await expectRule('WL-24', withClaim, draOff).toReport([
      {
        reason: 'FieldValueForbidden',
        field: 'spec.podGroupTemplates[0].resourceClaims',
        message:
          'spec.podGroupTemplates[0].resourceClaims: Forbidden: dropped by the API server: the DRAWorkloadResourceClaims feature gate is off',
      },
    ]);
    expect((await findingsOf('WL-24', withClaim, draOff)).map((f) => f.severity)).toEqual(['warning']);
  });
});
