import { expectRule } from '../../test-support/expect-rule.js';
import { LABEL_REGEX, SUBDOMAIN_REGEX } from '../../validation/test-support/texts.js';
import { gangSpec, podGroup } from './test-support/objects.js';

const REF = 'spec.podGroupTemplateRef';
const withRef = (workload?: { workloadName?: string; podGroupTemplateName?: string }) =>
  podGroup(gangSpec({ podGroupTemplateRef: workload ? { workload } : {} }));

describe('PG-04 podGroupTemplateRef union', () => {
  it('accepts no ref (PG-03) and a workload ref', async () => {
    await expectRule('PG-04', podGroup(gangSpec())).toPass();
    await expectRule('PG-04', withRef({ workloadName: 'w', podGroupTemplateName: 't' })).toPass();
  });
  it('rejects an empty ref', async () => {
    await expectRule('PG-04', withRef()).toReport([
      { reason: 'FieldValueInvalid', field: REF, message: `${REF}: Invalid value: "": must specify one of: \`workload\`` },
    ]);
  });
});

describe('PG-05 workloadName', () => {
  it('requires it', async () => {
    await expectRule('PG-05', withRef({ podGroupTemplateName: 't' })).toReport([
      { reason: 'FieldValueRequired', field: `${REF}.workload.workloadName`, message: `${REF}.workload.workloadName: Required value` },
    ]);
  });
  it('accepts a dotted name, rejects work/load and 254 bytes', async () => {
    await expectRule('PG-05', withRef({ workloadName: 'my.workload', podGroupTemplateName: 't' })).toPass();
    await expectRule('PG-05', withRef({ workloadName: 'work/load', podGroupTemplateName: 't' })).toReport([
      {
        reason: 'FieldValueInvalid',
        field: `${REF}.workload.workloadName`,
        message: `${REF}.workload.workloadName: Invalid value: "work/load": ${SUBDOMAIN_REGEX}`,
      },
    ]);
    const long = 'g'.repeat(254);
    await expectRule('PG-05', withRef({ workloadName: long, podGroupTemplateName: 't' })).toReport([
      {
        reason: 'FieldValueInvalid',
        field: `${REF}.workload.workloadName`,
        message: `${REF}.workload.workloadName: Invalid value: "${long}": must be no more than 253 bytes`,
      },
    ]);
  });
});

describe('PG-06 podGroupTemplateName', () => {
  it('accepts a label', async () => {
    await expectRule('PG-06', withRef({ workloadName: 'w', podGroupTemplateName: 'worker' })).toPass();
  });
  it('requires it and rejects temp/late', async () => {
    await expectRule('PG-06', withRef({ workloadName: 'w' })).toReport([
      {
        reason: 'FieldValueRequired',
        field: `${REF}.workload.podGroupTemplateName`,
        message: `${REF}.workload.podGroupTemplateName: Required value`,
      },
    ]);
    await expectRule('PG-06', withRef({ workloadName: 'w', podGroupTemplateName: 'temp/late' })).toReport([
      {
        reason: 'FieldValueInvalid',
        field: `${REF}.workload.podGroupTemplateName`,
        message: `${REF}.workload.podGroupTemplateName: Invalid value: "temp/late": ${LABEL_REGEX}`,
      },
    ]);
  });
});

describe('PG-07 schedulingPolicy union', () => {
  it('accepts basic', async () => {
    await expectRule('PG-07', podGroup(gangSpec({ schedulingPolicy: { basic: {} } }))).toPass();
  });
  it('rejects a missing policy and both members', async () => {
    await expectRule('PG-07', podGroup({ disruptionMode: 'Pod' })).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.schedulingPolicy',
        message: 'spec.schedulingPolicy: Invalid value: "": must specify one of: `basic`, `gang`',
      },
    ]);
    await expectRule('PG-07', podGroup(gangSpec({ schedulingPolicy: { basic: {}, gang: { minCount: 2 } } }))).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.schedulingPolicy',
        message: 'spec.schedulingPolicy: Invalid value: "{basic, gang}": must specify exactly one of: `basic`, `gang`',
      },
    ]);
  });
});

describe('PG-08 gang minCount', () => {
  it('accepts 1', async () => {
    await expectRule('PG-08', podGroup(gangSpec({ schedulingPolicy: { gang: { minCount: 1 } } }))).toPass();
  });
  it('reports 0 as Required and -1 as below the minimum', async () => {
    await expectRule('PG-08', podGroup(gangSpec({ schedulingPolicy: { gang: { minCount: 0 } } }))).toReport([
      {
        reason: 'FieldValueRequired',
        field: 'spec.schedulingPolicy.gang.minCount',
        message: 'spec.schedulingPolicy.gang.minCount: Required value',
      },
    ]);
    await expectRule('PG-08', podGroup(gangSpec({ schedulingPolicy: { gang: { minCount: -1 } } }))).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.schedulingPolicy.gang.minCount',
        message: 'spec.schedulingPolicy.gang.minCount: Invalid value: -1: must be greater than or equal to 1',
      },
    ]);
  });
});
