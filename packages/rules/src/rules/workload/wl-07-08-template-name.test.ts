import { expectRule } from '../../test-support/expect-rule.js';
import { LABEL_REGEX } from '../../validation/test-support/texts.js';
import { basic, withTemplates } from './test-support/objects.js';

describe('WL-07 template name required', () => {
  it('accepts a named template', async () => {
    await expectRule('WL-07', withTemplates(basic('t'))).toPass();
  });
  it('treats an empty name as missing', async () => {
    await expectRule('WL-07', withTemplates(basic('ok'), basic(''))).toReport([
      { reason: 'FieldValueRequired', field: 'spec.podGroupTemplates[1].name', message: 'spec.podGroupTemplates[1].name: Required value' },
    ]);
  });
});

describe('WL-08 template name is a DNS label', () => {
  it('accepts a 63-character label', async () => {
    await expectRule('WL-08', withTemplates(basic('x'.repeat(63)))).toPass();
  });
  it('rejects a name with an underscore', async () => {
    await expectRule('WL-08', withTemplates(basic('Invalid_Name'))).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.podGroupTemplates[0].name',
        message: `spec.podGroupTemplates[0].name: Invalid value: "Invalid_Name": ${LABEL_REGEX}`,
      },
    ]);
  });
  it('says "must not contain dots" for a dotted name', async () => {
    await expectRule('WL-08', withTemplates(basic('a.b'))).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.podGroupTemplates[0].name',
        message: 'spec.podGroupTemplates[0].name: Invalid value: "a.b": must not contain dots',
      },
    ]);
  });
  it('leaves an empty name to WL-07', async () => {
    await expectRule('WL-08', withTemplates(basic(''))).toPass();
  });
});
