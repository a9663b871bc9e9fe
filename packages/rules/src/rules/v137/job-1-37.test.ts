// Job spec.scheduling (api-rules-1.37.md §7.2, gate WorkloadWithJob); JOB-14 is retired in 1.37.

import { describe, expect, it } from '@jest/globals';
import type { Job } from '@kubectl-workload/api';
import { expectRule, findingsOf, printed } from '../../test-support/expect-rule.js';
import { POLICY_SWITCH, SCHEDULING_GROUP_WITH_SCHEDULING } from './job-1-37.js';

const job = (scheduling: unknown, parallelism = 4): Job => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'train', namespace: 'ml' },
  spec: { parallelism, ...(scheduling === undefined ? {} : { scheduling }), template: { spec: { containers: [] } } },
});
const v137 = { kubeVersion: '1.37' as const };

describe('JOB-20..26', () => {
  it('JOB-20: with WorkloadWithJob off spec.scheduling is dropped, said as a warning', async () => {
    await expectRule('JOB-20', job({ schedulingPolicy: { gang: {} } }), { ...v137, gates: { WorkloadWithJob: false } }).toReport([
      {
        reason: 'FieldValueForbidden',
        field: 'spec.scheduling',
        message: 'spec.scheduling: Forbidden: will be dropped: the WorkloadWithJob feature gate is off',
      },
    ]);
    await expectRule('JOB-20', job({ schedulingPolicy: { gang: {} } }), v137).toPass();
  });
  it('JOB-21: spec.scheduling cannot be added after creation', async () => {
    await expectRule('JOB-21', job({ schedulingPolicy: { basic: {} } }), { ...v137, oldObject: job(undefined) }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.scheduling',
        message: 'spec.scheduling: Invalid value: null: field cannot be set once created',
      },
    ]);
  });
  it('JOB-22: one policy; a gang minCount is optional but at least 1', async () => {
    await expectRule('JOB-22', job({ schedulingPolicy: { gang: {} } }), v137).toPass();
    await expectRule('JOB-22', job({ schedulingPolicy: { gang: { minCount: 0 } } }), v137).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.scheduling.schedulingPolicy.gang.minCount',
        message: 'spec.scheduling.schedulingPolicy.gang.minCount: Invalid value: 0: must be greater than or equal to 1',
      },
    ]);
  });
  it('JOB-23: basic and gang cannot be switched; a gang minCount can change', async () => {
    const gang = (minCount: number) => job({ schedulingPolicy: { gang: { minCount } } });
    await expectRule('JOB-23', gang(2), { ...v137, oldObject: job({ schedulingPolicy: { basic: {} } }) }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.scheduling.schedulingPolicy',
        message: `spec.scheduling.schedulingPolicy: Invalid value: "gang": ${POLICY_SWITCH}`,
      },
    ]);
    await expectRule('JOB-23', job({ schedulingPolicy: { basic: {} } }), { ...v137, oldObject: gang(2) }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.scheduling.schedulingPolicy',
        message: `spec.scheduling.schedulingPolicy: Invalid value: "basic": ${POLICY_SWITCH}`,
      },
    ]);
    await expectRule('JOB-23', gang(3), { ...v137, oldObject: gang(2) }).toPass();
    await expectRule('JOB-23', gang(3), {
      ...v137,
      oldObject: job({ schedulingPolicy: { basic: {} } }),
      gates: { WorkloadWithJob: false },
    }).toPass();
  });
  it('JOB-25: spec.scheduling beside a pod template schedulingGroup is rejected, except on an old Job that had both', async () => {
    const byo = (scheduling: unknown): Job => {
      const j = job(scheduling);
      return { ...j, spec: { ...j.spec, template: { spec: { containers: [], schedulingGroup: { podGroupName: 'mine' } } } } };
    };
    const expected = [
      {
        reason: 'FieldValueForbidden' as const,
        field: 'spec.template.spec.schedulingGroup',
        message: `spec.template.spec.schedulingGroup: Forbidden: ${SCHEDULING_GROUP_WITH_SCHEDULING}`,
      },
    ];
    await expectRule('JOB-25', byo({ schedulingPolicy: { gang: {} } }), v137).toReport(expected);
    await expectRule('JOB-25', byo(undefined), v137).toPass();
    await expectRule('JOB-25', byo({ schedulingPolicy: { gang: {} } }), {
      ...v137,
      oldObject: job({ schedulingPolicy: { gang: {} } }),
    }).toReport(expected);
    await expectRule('JOB-25', byo({ schedulingPolicy: { gang: {} } }), {
      ...v137,
      oldObject: byo({ schedulingPolicy: { basic: {} } }),
    }).toPass();
  });
  it('JOB-24: minCount at most parallelism', async () => {
    const [finding] = (await findingsOf('JOB-24', job({ schedulingPolicy: { gang: { minCount: 8 } } }, 4), v137)).map(printed);
    expect(finding?.field).toBe('spec.scheduling.schedulingPolicy.gang.minCount');
    await expectRule('JOB-24', job({ schedulingPolicy: { gang: { minCount: 4 } } }, 4), v137).toPass();
  });
  it('JOB-26: constraints are immutable', async () => {
    const before = job({ schedulingPolicy: { gang: {} }, schedulingConstraints: { topology: [{ key: 'zone' }] } });
    await expectRule('JOB-26', job({ schedulingPolicy: { gang: {} }, schedulingConstraints: { topology: [{ key: 'rack' }] } }), {
      ...v137,
      oldObject: before,
    }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.scheduling.schedulingConstraints',
        message: 'spec.scheduling.schedulingConstraints: Invalid value: null: field is immutable',
      },
    ]);
  });
  it("JOB-26: resource claims are checked as a template's: unique (the whole item printed), one source, valid names", async () => {
    const claim = { name: 'gpu', resourceClaimName: 'shared' };
    const obj = job({ schedulingPolicy: { gang: {} }, resourceClaims: [claim, claim, { name: 'Bad' }] });
    await expectRule('JOB-26', obj, v137).toReport([
      {
        reason: 'FieldValueDuplicate',
        field: 'spec.scheduling.resourceClaims[1]',
        message: 'spec.scheduling.resourceClaims[1]: Duplicate value: {"name":"gpu","resourceClaimName":"shared"}',
      },
      {
        reason: 'FieldValueInvalid',
        field: 'spec.scheduling.resourceClaims[2]',
        message:
          'spec.scheduling.resourceClaims[2]: Invalid value: "": must specify one of: `resourceClaimName`, `resourceClaimTemplateName`',
      },
      {
        reason: 'FieldValueInvalid',
        field: 'spec.scheduling.resourceClaims[2].name',
        message:
          "spec.scheduling.resourceClaims[2].name: Invalid value: \"Bad\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      },
    ]);
  });
  it('JOB-14 (the parallelism lock) is retired in 1.37', async () => {
    const before = job(undefined, 4);
    expect(await findingsOf('JOB-14', job(undefined, 8), { ...v137, oldObject: before })).toEqual([]);
  });
});
