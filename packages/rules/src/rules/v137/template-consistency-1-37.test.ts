// X-10..X-14 under 1.37: the PodGroup follows spec.workloadRef into the template tree.

import { describe, expect, it } from '@jest/globals';
import type { PodGroupSpec137, PodGroupTemplate137 } from '@kubectl-workload/api';
import { expectRule, findingsOf } from '../../test-support/expect-rule.js';
import { composite, gangTemplate, podGroup137, workload137 } from './test-support/objects.js';

const ZONE = { topology: [{ key: 'topology.kubernetes.io/zone' }] };
const GPUS = [{ name: 'gpu', resourceClaimTemplateName: 'gpus' }];
const policy = { schedulingPolicy: { gang: { minCount: 4 } }, priorityClassName: 'high', priority: 1000 };
const template: PodGroupTemplate137 = gangTemplate('workers', { ...policy, schedulingConstraints: ZONE, resourceClaims: GPUS });
const { name: _name, ...copied } = template;
// The template sits under a composite template: X-10..14 look it up anywhere in the tree.
const objects = [workload137({ compositePodGroupTemplates: [composite('job', { podGroupTemplates: [template] })] })];
const pgWith = (spec: Partial<PodGroupSpec137>) =>
  podGroup137({ workloadRef: { workloadName: 'train', templateName: 'workers' }, ...copied, ...spec });
const WHERE = 'of PodGroupTemplate "workers" in Workload "train"';

describe('X-10..X-14 on 1.37 workloadRef', () => {
  it('accepts a faithful copy, disruptionMode defaulted to {single: {}}', async () => {
    for (const id of ['X-10', 'X-11', 'X-12', 'X-13', 'X-14']) await expectRule(id, pgWith({}), { objects }).toPass();
  });

  it('X-10 rejects another policy member as an error', async () => {
    const findings = await findingsOf('X-10', pgWith({ schedulingPolicy: { basic: {} } }), { objects });
    expect(findings.map((f) => [f.severity, f.style === 'field' && f.error.detail])).toEqual([
      ['error', `must match the schedulingPolicy ${WHERE}: {"gang":{"minCount":4}}`],
    ]);
  });

  it('X-10 only warns about a different minCount: minCount is mutable and patched on both objects (JOB-27)', async () => {
    const findings = await findingsOf('X-10', pgWith({ schedulingPolicy: { gang: { minCount: 3 } } }), { objects });
    expect(findings.map((f) => f.severity)).toEqual(['warning']);
    await expectRule('X-10', pgWith({ schedulingPolicy: { gang: { minCount: 3 } } }), { objects }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.schedulingPolicy',
        message: `spec.schedulingPolicy: Invalid value: {"gang":{"minCount":3}}: must match the schedulingPolicy ${WHERE}: {"gang":{"minCount":4}}`,
      },
    ]);
  });

  it('X-11 and X-12 compare constraints and claims as in 1.36', async () => {
    await expectRule('X-11', pgWith({ schedulingConstraints: undefined }), { objects }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.schedulingConstraints',
        message: `spec.schedulingConstraints: Invalid value: null: must match the schedulingConstraints ${WHERE}: {"topology":[{"key":"topology.kubernetes.io/zone"}]}`,
      },
    ]);
    await expectRule('X-12', pgWith({ resourceClaims: [] }), { objects }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.resourceClaims',
        message: `spec.resourceClaims: Invalid value: []: must match the resourceClaims ${WHERE}: [{"name":"gpu","resourceClaimTemplateName":"gpus"}]`,
      },
    ]);
  });

  it('X-13 compares the union: all against a template left unset (single)', async () => {
    await expectRule('X-13', pgWith({ disruptionMode: { all: {} } }), { objects }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.disruptionMode',
        message: `spec.disruptionMode: Invalid value: {"all":{}}: must match the disruptionMode ${WHERE}: {"single":{}} (unset, which means single)`,
      },
    ]);
  });

  it('X-13 tells a PodGroup defaulted to {single: {}} to write the template mode', async () => {
    const allTemplate = { ...template, disruptionMode: { all: {} } };
    const tree = [workload137({ podGroupTemplates: [allTemplate] })];
    await expectRule('X-13', pgWith({}), { objects: tree }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.disruptionMode',
        message: `spec.disruptionMode: Invalid value: {"single":{}}: must match the disruptionMode ${WHERE}: {"all":{}}; an unset disruptionMode is defaulted to {"single":{}} before admission, so set it explicitly`,
      },
    ]);
    await expectRule('X-13', pgWith({ disruptionMode: { all: {} } }), { objects: tree }).toPass();
  });

  it('X-14 warns on a different class', async () => {
    const findings = await findingsOf('X-14', pgWith({ priorityClassName: 'low' }), { objects });
    expect(findings.map((f) => [f.severity, f.style === 'field' && f.error.field])).toEqual([['warning', 'spec.priorityClassName']]);
  });
});
