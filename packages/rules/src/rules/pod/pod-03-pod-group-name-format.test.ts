import { expectRule } from '../../test-support/expect-rule.js';
import { pod } from '../cross/test-support/objects.js';

const SUBDOMAIN_TEXT =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

describe('POD-03 podGroupName is a DNS-1123 subdomain', () => {
  it('accepts a subdomain with dots', async () => {
    await expectRule('POD-03', pod({ schedulingGroup: { podGroupName: 'team.pg-1' } })).toPass();
  });

  it('rejects an invalid name with the util/validation text (M-META-SUB)', async () => {
    await expectRule('POD-03', pod({ schedulingGroup: { podGroupName: 'My_Group' } })).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.schedulingGroup.podGroupName',
        message: `spec.schedulingGroup.podGroupName: Invalid value: "My_Group": ${SUBDOMAIN_TEXT}`,
      },
    ]);
  });

  it('reports length in characters and the pattern for an over-long name', async () => {
    const name = 'a'.repeat(254);
    await expectRule('POD-03', pod({ schedulingGroup: { podGroupName: name } })).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.schedulingGroup.podGroupName',
        message: `spec.schedulingGroup.podGroupName: Invalid value: "${name}": must be no more than 253 characters`,
      },
    ]);
  });

  it('treats an empty string as a present, invalid name', async () => {
    await expectRule('POD-03', pod({ schedulingGroup: { podGroupName: '' } })).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.schedulingGroup.podGroupName',
        message: `spec.schedulingGroup.podGroupName: Invalid value: "": ${SUBDOMAIN_TEXT}`,
      },
    ]);
  });
});
