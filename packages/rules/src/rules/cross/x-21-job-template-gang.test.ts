import { expectRule } from '../../test-support/expect-rule.js';
import { job, podGroup } from './test-support/objects.js';

const naming = (parallelism: number) =>
  job({ parallelism, completions: parallelism, template: { spec: { containers: [], schedulingGroup: { podGroupName: 'pg' } } } });
const gang = podGroup({ schedulingPolicy: { gang: { minCount: 4 } } }, { name: 'pg' });

describe('X-21 a Job runs enough pods for the gang its template names', () => {
  it('accepts parallelism >= minCount', async () => {
    await expectRule('X-21', naming(4), { objects: [gang] }).toPass();
  });

  it('warns when the gang can never fill', async () => {
    await expectRule('X-21', naming(3), { objects: [gang] }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.template.spec.schedulingGroup.podGroupName',
        message:
          'spec.template.spec.schedulingGroup.podGroupName: Invalid value: "pg": the gang minCount 4 of PodGroup "pg" exceeds the 3 pods Job "train" runs at once (the smaller of parallelism and completions), so the gang can never be scheduled',
      },
    ]);
  });
});
