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

describe('X-23 under 1.37: every root Job gets a Workload (JOB-02 manageBoth, JOB-05 unchanged)', () => {
  const name = 'b'.repeat(58);
  const basic = job({ parallelism: 1, completions: 1, completionMode: 'NonIndexed' }, { name });

  it('warns for a basic root Job that 1.36 would not manage', async () => {
    await expectRule('X-23', basic).toPass();
    await expectRule('X-23', basic, { kubeVersion: '1.37' }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'metadata.name',
        message: `metadata.name: Invalid value: "${name}": must be no more than 57 characters for a root Job: the Job controller names its PodGroupTemplate "${name}-pgt-0" (64 characters, over the 63 allowed), so the Workload it creates is rejected`,
      },
    ]);
  });

  it('passes a CronJob-owned Job (manageNone): the controller makes no Workload for it', async () => {
    const owned = job(
      { parallelism: 1 },
      { name, ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'c', uid: 'c', controller: true }] },
    );
    await expectRule('X-23', owned, { kubeVersion: '1.37' }).toPass();
  });
});
