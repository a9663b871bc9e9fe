import type { PodGroupResourceClaim } from '@kubectl-workload/api';
import { expectRule } from '../../test-support/expect-rule.js';
import { LABEL_REGEX, NAME_PART_REGEX } from '../../validation/test-support/texts.js';
import { gangSpec, podGroup } from './test-support/objects.js';

const C = 'spec.schedulingConstraints';

describe('PG-09 schedulingConstraints', () => {
  it('accepts one topology key with the gate on', async () => {
    await expectRule(
      'PG-09',
      podGroup(gangSpec({ schedulingConstraints: { topology: [{ key: 'topology.kubernetes.io/zone' }] } })),
    ).toPass();
  });
  it('warns that the field is dropped with TopologyAwareWorkloadScheduling off, and checks nothing inside', async () => {
    await expectRule('PG-09', podGroup(gangSpec({ schedulingConstraints: { topology: [{}, {}] } })), {
      gates: { TopologyAwareWorkloadScheduling: false },
    }).toReport([
      {
        reason: 'FieldValueForbidden',
        field: C,
        message: `${C}: Forbidden: dropped by the API server: the TopologyAwareWorkloadScheduling feature gate is off`,
      },
    ]);
  });
  it('rejects two entries without checking their keys', async () => {
    await expectRule('PG-09', podGroup(gangSpec({ schedulingConstraints: { topology: [{}, { key: 'b' }] } }))).toReport([
      { reason: 'FieldValueTooMany', field: `${C}.topology`, message: `${C}.topology: Too many: 2: must have at most 1 item` },
    ]);
  });
  it('rejects a key with an empty name part', async () => {
    await expectRule('PG-09', podGroup(gangSpec({ schedulingConstraints: { topology: [{ key: 'example.com/' }] } }))).toReport([
      {
        reason: 'FieldValueInvalid',
        field: `${C}.topology[0].key`,
        message: `${C}.topology[0].key: Invalid value: "example.com/": name part must be non-empty`,
      },
      {
        reason: 'FieldValueInvalid',
        field: `${C}.topology[0].key`,
        message: `${C}.topology[0].key: Invalid value: "example.com/": ${NAME_PART_REGEX}`,
      },
    ]);
  });
});

describe('PG-10 resourceClaims', () => {
  const R = 'spec.resourceClaims';
  const claims = (...resourceClaims: PodGroupResourceClaim[]) => podGroup(gangSpec({ resourceClaims }));
  it('accepts distinct valid claims', async () => {
    await expectRule('PG-10', claims({ name: 'a', resourceClaimName: 'x' }, { name: 'b', resourceClaimTemplateName: 'y' })).toPass();
  });
  it('reports too many claims alone', async () => {
    const five = Array.from({ length: 5 }, () => ({ name: 'Same' }));
    await expectRule('PG-10', claims(...five)).toReport([
      { reason: 'FieldValueTooMany', field: R, message: `${R}: Too many: 5: must have at most 4 items` },
    ]);
  });
  it('reports duplicates first, then each claim in turn', async () => {
    await expectRule(
      'PG-10',
      claims({ name: 'a', resourceClaimName: 'x' }, { name: 'a' }, { name: '../my-claim', resourceClaimName: 'x' }),
    ).toReport([
      { reason: 'FieldValueDuplicate', field: `${R}[1]`, message: `${R}[1]: Duplicate value: {"name":"a"}` },
      {
        reason: 'FieldValueInvalid',
        field: `${R}[1]`,
        message: `${R}[1]: Invalid value: "": must specify one of: \`resourceClaimName\`, \`resourceClaimTemplateName\``,
      },
      { reason: 'FieldValueInvalid', field: `${R}[2].name`, message: `${R}[2].name: Invalid value: "../my-claim": ${LABEL_REGEX}` },
    ]);
  });
});
