import type { PodGroupSpec, PodGroupTemplate } from '@kubectl-workload/api';
import { expectRule } from '../../test-support/expect-rule.js';
import { podGroup, templateRef, workload } from './test-support/objects.js';

const template: PodGroupTemplate = {
  name: 't',
  schedulingPolicy: { gang: { minCount: 4 } },
  schedulingConstraints: { topology: [{ key: 'topology.kubernetes.io/zone' }] },
  resourceClaims: [{ name: 'gpu', resourceClaimTemplateName: 'gpus' }],
  priorityClassName: 'high',
  priority: 1000,
};
const { name: _name, ...copied } = template;
const objects = [workload('w', [template])];
const pgWith = (spec: Partial<PodGroupSpec>) => podGroup({ podGroupTemplateRef: templateRef('w', 't'), ...copied, ...spec });
const WHERE = 'of PodGroupTemplate "t" in Workload "w"';

describe('X-10..X-14 PodGroup matches its template', () => {
  it('accepts a faithful copy (disruptionMode defaulted to Pod)', async () => {
    for (const id of ['X-10', 'X-11', 'X-12', 'X-13', 'X-14'])
      await expectRule(id, pgWith({ disruptionMode: 'Pod' }), { objects }).toPass();
  });

  it('X-10 rejects a different minCount', async () => {
    await expectRule('X-10', pgWith({ schedulingPolicy: { gang: { minCount: 3 } } }), { objects }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.schedulingPolicy',
        message: `spec.schedulingPolicy: Invalid value: {"gang":{"minCount":3}}: must match the schedulingPolicy ${WHERE}: {"gang":{"minCount":4}}`,
      },
    ]);
  });

  it('X-11 rejects different topology, and needs TopologyAwareWorkloadScheduling', async () => {
    const pg = pgWith({ schedulingConstraints: undefined });
    await expectRule('X-11', pg, { objects }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.schedulingConstraints',
        message: `spec.schedulingConstraints: Invalid value: null: must match the schedulingConstraints ${WHERE}: {"topology":[{"key":"topology.kubernetes.io/zone"}]}`,
      },
    ]);
    await expectRule('X-11', pg, { objects, gates: { TopologyAwareWorkloadScheduling: false } }).toPass();
  });

  it('X-12 rejects a claim with another source', async () => {
    await expectRule('X-12', pgWith({ resourceClaims: [{ name: 'gpu', resourceClaimName: 'gpus' }] }), { objects }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.resourceClaims',
        message: `spec.resourceClaims: Invalid value: [{"name":"gpu","resourceClaimName":"gpus"}]: must match the resourceClaims ${WHERE}: [{"name":"gpu","resourceClaimTemplateName":"gpus"}]`,
      },
    ]);
  });

  it('X-13 rejects PodGroup disruption when the template leaves it unset', async () => {
    await expectRule('X-13', pgWith({ disruptionMode: 'PodGroup' }), { objects }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.disruptionMode',
        message: `spec.disruptionMode: Invalid value: "PodGroup": must match the disruptionMode ${WHERE}: "Pod" (unset, which means Pod)`,
      },
    ]);
  });

  it('X-13 tells a PodGroup left unset (defaulted to Pod) to write the template mode', async () => {
    const pg = pgWith({});
    await expectRule('X-13', pg, { objects: [workload('w', [{ ...template, disruptionMode: 'PodGroup' }])] }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.disruptionMode',
        message: `spec.disruptionMode: Invalid value: "Pod": must match the disruptionMode ${WHERE}: "PodGroup"; an unset disruptionMode is defaulted to "Pod" before admission, so set it explicitly`,
      },
    ]);
  });

  it('X-14 warns on a different class and priority', async () => {
    await expectRule('X-14', pgWith({ priorityClassName: 'low', priority: 5 }), { objects }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.priorityClassName',
        message: `spec.priorityClassName: Invalid value: "low": must match the priorityClassName ${WHERE}: "high"`,
      },
      {
        reason: 'FieldValueInvalid',
        field: 'spec.priority',
        message: `spec.priority: Invalid value: 5: must match the priority ${WHERE}: 1000`,
      },
    ]);
  });

  it('stays silent when the template cannot be found (X-01/X-03 report that)', async () => {
    await expectRule('X-10', pgWith({ schedulingPolicy: { basic: {} } })).toPass();
  });
});
