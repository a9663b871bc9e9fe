import { expectRule } from '../../test-support/expect-rule.js';
import { SUBDOMAIN_REGEX } from '../../validation/test-support/texts.js';
import { gangSpec, podGroup } from './test-support/objects.js';

describe('PG-01 metadata.name', () => {
  it('accepts a subdomain name', async () => {
    await expectRule('PG-01', podGroup(gangSpec(), { name: 'pg.a', namespace: 'ns' })).toPass();
  });
  it('requires a name', async () => {
    await expectRule('PG-01', podGroup(gangSpec(), { namespace: 'ns' })).toReport([
      { reason: 'FieldValueRequired', field: 'metadata.name', message: 'metadata.name: Required value: name or generateName is required' },
    ]);
  });
  it.each([
    ['.podGroup', SUBDOMAIN_REGEX],
    ['p'.repeat(254), 'must be no more than 253 characters'],
  ])('rejects %s', async (name, detail) => {
    await expectRule('PG-01', podGroup(gangSpec(), { name, namespace: 'ns' })).toReport([
      { reason: 'FieldValueInvalid', field: 'metadata.name', message: `metadata.name: Invalid value: "${name}": ${detail}` },
    ]);
  });
});

describe('PG-02 metadata.namespace', () => {
  it('accepts an omitted namespace', async () => {
    await expectRule('PG-02', podGroup(gangSpec(), { name: 'pg' })).toPass();
  });
  it('rejects a dotted namespace', async () => {
    await expectRule('PG-02', podGroup(gangSpec(), { name: 'pg', namespace: 'a.b' })).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'metadata.namespace',
        message: 'metadata.namespace: Invalid value: "a.b": must not contain dots',
      },
    ]);
  });
});

describe('PG-20 name and namespace immutable', () => {
  it('accepts an unchanged name', async () => {
    await expectRule('PG-20', podGroup(gangSpec()), { oldObject: podGroup(gangSpec()) }).toPass();
  });
  it('rejects a namespace move', async () => {
    await expectRule('PG-20', podGroup(gangSpec(), { name: 'pg', namespace: 'other' }), { oldObject: podGroup(gangSpec()) }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'metadata.namespace',
        message: 'metadata.namespace: Invalid value: "other": field is immutable',
      },
    ]);
  });
});
