import { expectRule } from '../../test-support/expect-rule.js';
import { LABEL_REGEX, SUBDOMAIN_REGEX } from '../../validation/test-support/texts.js';
import { basic, workload } from './test-support/objects.js';

const spec = { podGroupTemplates: [basic()] };

describe('WL-01 metadata.name', () => {
  it('accepts a DNS subdomain name, and a generateName alone', async () => {
    await expectRule('WL-01', workload(spec, { name: 'my.workload' })).toPass();
    await expectRule('WL-01', workload(spec, { generateName: 'job-' })).toPass();
  });
  it('requires a name', async () => {
    await expectRule('WL-01', workload(spec, { namespace: 'ns' })).toReport([
      { reason: 'FieldValueRequired', field: 'metadata.name', message: 'metadata.name: Required value: name or generateName is required' },
    ]);
  });
  it('rejects a name that is not a subdomain', async () => {
    await expectRule('WL-01', workload(spec, { name: '.workload' })).toReport([
      { reason: 'FieldValueInvalid', field: 'metadata.name', message: `metadata.name: Invalid value: ".workload": ${SUBDOMAIN_REGEX}` },
    ]);
  });
  it('counts characters for the 253 limit', async () => {
    const name = 'w'.repeat(254);
    await expectRule('WL-01', workload(spec, { name })).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'metadata.name',
        message: `metadata.name: Invalid value: "${name}": must be no more than 253 characters`,
      },
    ]);
  });
});

describe('WL-02 metadata.namespace', () => {
  it('accepts an omitted namespace (the request supplies it)', async () => {
    await expectRule('WL-02', workload(spec, { name: 'w' })).toPass();
  });
  it('rejects a namespace that is not a DNS label', async () => {
    await expectRule('WL-02', workload(spec, { name: 'w', namespace: 'My_NS' })).toReport([
      { reason: 'FieldValueInvalid', field: 'metadata.namespace', message: `metadata.namespace: Invalid value: "My_NS": ${LABEL_REGEX}` },
    ]);
  });
});

describe('WL-03 name and namespace immutable', () => {
  it('accepts an update that keeps them', async () => {
    await expectRule('WL-03', workload(spec), { oldObject: workload(spec) }).toPass();
  });
  it('rejects a rename with the new value', async () => {
    await expectRule('WL-03', workload(spec, { name: 'w2', namespace: 'ns' }), { oldObject: workload(spec) }).toReport([
      { reason: 'FieldValueInvalid', field: 'metadata.name', message: 'metadata.name: Invalid value: "w2": field is immutable' },
    ]);
  });
  it('does not run on create', async () => {
    await expectRule('WL-03', workload(spec, { name: 'w2' }), { operation: 'CREATE' }).toPass();
  });
});
