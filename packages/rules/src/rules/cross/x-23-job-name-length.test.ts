import { expectRule } from '../../test-support/expect-rule.js';
import { job } from './test-support/objects.js';

describe('X-23 gang Job names fit the template name', () => {
  it('accepts 57 characters, and long names of Jobs that do not qualify', async () => {
    await expectRule('X-23', job({}, { name: 'a'.repeat(57) })).toPass();
    await expectRule('X-23', job({ parallelism: 1, completions: 1 }, { name: 'a'.repeat(70) })).toPass();
  });

  it('warns at 58 characters', async () => {
    const name = 'a'.repeat(58);
    await expectRule('X-23', job({}, { name })).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'metadata.name',
        message: `metadata.name: Invalid value: "${name}": must be no more than 57 characters for a gang-scheduled Job: the Job controller names its PodGroupTemplate "${name}-pgt-0" (64 characters, over the 63 allowed), so the Workload it creates is rejected`,
      },
    ]);
  });
});
