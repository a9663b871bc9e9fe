import { expectRule } from '../../test-support/expect-rule.js';
import { basic, gang, withTemplates } from './test-support/objects.js';

describe('WL-09 schedulingPolicy union', () => {
  it('accepts basic and gang', async () => {
    await expectRule('WL-09', withTemplates(basic('a'), gang('b'))).toPass();
  });
  it('rejects a policy with nothing set', async () => {
    await expectRule('WL-09', withTemplates({ name: 't', schedulingPolicy: {} })).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.podGroupTemplates[0].schedulingPolicy',
        message: 'spec.podGroupTemplates[0].schedulingPolicy: Invalid value: "": must specify one of: `basic`, `gang`',
      },
    ]);
  });
  it('rejects a policy with both set', async () => {
    await expectRule('WL-09', withTemplates({ name: 't', schedulingPolicy: { basic: {}, gang: { minCount: 1 } } })).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.podGroupTemplates[0].schedulingPolicy',
        message: 'spec.podGroupTemplates[0].schedulingPolicy: Invalid value: "{basic, gang}": must specify exactly one of: `basic`, `gang`',
      },
    ]);
  });
});

describe('WL-10 gang minCount required', () => {
  it('accepts minCount 1', async () => {
    await expectRule('WL-10', withTemplates(gang('t', 1))).toPass();
  });
  it('treats 0 as missing', async () => {
    await expectRule('WL-10', withTemplates(gang('t', 0))).toReport([
      {
        reason: 'FieldValueRequired',
        field: 'spec.podGroupTemplates[0].schedulingPolicy.gang.minCount',
        message: 'spec.podGroupTemplates[0].schedulingPolicy.gang.minCount: Required value',
      },
    ]);
  });
});

describe('WL-11 gang minCount minimum', () => {
  it('does not report 0 (that is WL-10)', async () => {
    await expectRule('WL-11', withTemplates(gang('t', 0))).toPass();
  });
  it('rejects a negative count', async () => {
    await expectRule('WL-11', withTemplates(gang('t', -1))).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.podGroupTemplates[0].schedulingPolicy.gang.minCount',
        message: 'spec.podGroupTemplates[0].schedulingPolicy.gang.minCount: Invalid value: -1: must be greater than or equal to 1',
      },
    ]);
  });
});
