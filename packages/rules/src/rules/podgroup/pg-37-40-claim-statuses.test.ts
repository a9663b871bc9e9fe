import type { PodGroupResourceClaimStatus } from '@kubectl-workload/api';
import { expectRule } from '../../test-support/expect-rule.js';
import { SUBDOMAIN_REGEX } from '../../validation/test-support/texts.js';
import { gangSpec, withStatus } from './test-support/objects.js';

const S = 'status.resourceClaimStatuses';
const spec = gangSpec({ resourceClaims: ['a', 'b', 'c', 'd'].map((name) => ({ name, resourceClaimTemplateName: 'tpl' })) });
const statusUpdate = (resourceClaimStatuses: PodGroupResourceClaimStatus[], old: PodGroupResourceClaimStatus[] = []) => ({
  object: withStatus({ resourceClaimStatuses }, spec),
  c: { oldObject: withStatus({ resourceClaimStatuses: old }, spec), subResource: 'status' as const },
});

describe('PG-39 statuses name a spec claim', () => {
  it('accepts known names', async () => {
    const { object, c } = statusUpdate([{ name: 'a', resourceClaimName: 'pg-a-x1' }]);
    await expectRule('PG-39', object, c).toPass();
  });
  it('rejects an unknown name', async () => {
    const { object, c } = statusUpdate([{ name: 'zz' }]);
    await expectRule('PG-39', object, c).toReport([
      {
        reason: 'FieldValueInvalid',
        field: `${S}[0].name`,
        message: `${S}[0].name: Invalid value: "zz": must match the name of an entry in \`spec.resourceClaims\``,
      },
    ]);
  });
});

describe('PG-37 at most 4 statuses', () => {
  it('accepts 4', async () => {
    const { object, c } = statusUpdate(['a', 'b', 'c', 'd'].map((name) => ({ name })));
    await expectRule('PG-37', object, c).toPass();
  });
  it('rejects 5 and skips the per-item checks', async () => {
    const { object, c } = statusUpdate([...['a', 'b', 'c', 'd'].map((name) => ({ name })), { name: 'a', resourceClaimName: 'Bad' }]);
    await expectRule('PG-37', object, c).toReport([
      { reason: 'FieldValueTooMany', field: S, message: `${S}: Too many: 5: must have at most 4 items` },
    ]);
    await expectRule('PG-38', object, c).toPass();
    await expectRule('PG-40', object, c).toPass();
  });
});

describe('PG-38 unique status names', () => {
  it('accepts distinct names', async () => {
    const { object, c } = statusUpdate([{ name: 'a' }, { name: 'b' }]);
    await expectRule('PG-38', object, c).toPass();
  });
  it('reports the later duplicate with the whole item', async () => {
    const { object, c } = statusUpdate([{ name: 'a' }, { name: 'b' }, { resourceClaimName: 'x', name: 'a' }]);
    await expectRule('PG-38', object, c).toReport([
      { reason: 'FieldValueDuplicate', field: `${S}[2]`, message: `${S}[2]: Duplicate value: {"name":"a","resourceClaimName":"x"}` },
    ]);
  });
});

describe('PG-40 resourceClaimName format', () => {
  it('rejects %$!#5', async () => {
    const { object, c } = statusUpdate([{ name: 'a', resourceClaimName: '%$!#5' }]);
    await expectRule('PG-40', object, c).toReport([
      {
        reason: 'FieldValueInvalid',
        field: `${S}[0].resourceClaimName`,
        message: `${S}[0].resourceClaimName: Invalid value: "%$!#5": ${SUBDOMAIN_REGEX}`,
      },
    ]);
  });
  it('does not re-validate an unchanged item', async () => {
    const { object, c } = statusUpdate([{ name: 'a', resourceClaimName: 'Bad' }], [{ name: 'a', resourceClaimName: 'Bad' }]);
    await expectRule('PG-40', object, c).toPass();
  });
});
