import type { KubeObject } from '@kubectl-workload/api';
import { expectRule } from '../../test-support/expect-rule.js';
import { pod, podGroup } from './test-support/objects.js';
import { podGroup137 } from '../v137/test-support/objects.js';

const group = podGroup({ schedulingPolicy: { basic: {} } }, { name: 'pg' });
const DETAIL = 'no such PodGroup in namespace "ns"; its pods stay Pending, without any event, until it is created';

describe('X-15 the named PodGroup exists', () => {
  it('accepts a pod whose PodGroup exists, and a pod without one', async () => {
    await expectRule('X-15', pod({ schedulingGroup: { podGroupName: 'pg' } }), { objects: [group] }).toPass();
    await expectRule('X-15', pod({})).toPass();
  });

  it('warns when the PodGroup is missing', async () => {
    await expectRule('X-15', pod({ schedulingGroup: { podGroupName: 'pg' } })).toReport([
      {
        reason: 'FieldValueNotFound',
        field: 'spec.schedulingGroup.podGroupName',
        message: `spec.schedulingGroup.podGroupName: Not found: "pg": ${DETAIL}`,
      },
    ]);
  });

  it('POD-05 / MIG-03 under 1.37: a pod whose PodGroup is missing still waits silently, and a v1beta1 group counts', async () => {
    const missing = pod({ schedulingGroup: { podGroupName: 'pg' } });
    await expectRule('X-15', missing, { kubeVersion: '1.37' }).toReport([
      {
        reason: 'FieldValueNotFound',
        field: 'spec.schedulingGroup.podGroupName',
        message: `spec.schedulingGroup.podGroupName: Not found: "pg": ${DETAIL}`,
      },
    ]);
    const recreated = podGroup137({}, { metadata: { name: 'pg', namespace: 'ns' } });
    await expectRule('X-15', missing, { kubeVersion: '1.37', objects: [recreated] }).toPass();
  });

  it('checks pod templates at their path', async () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd', namespace: 'ns' },
      spec: { template: { spec: { containers: [], schedulingGroup: { podGroupName: 'pg' } } } },
    } as KubeObject;
    await expectRule('X-15', deployment).toReport([
      {
        reason: 'FieldValueNotFound',
        field: 'spec.template.spec.schedulingGroup.podGroupName',
        message: `spec.template.spec.schedulingGroup.podGroupName: Not found: "pg": ${DETAIL}`,
      },
    ]);
  });

  it('does not re-judge an unchanged pod spec on update', async () => {
    const p = pod({ schedulingGroup: { podGroupName: 'pg' } });
    await expectRule('X-15', { ...p, metadata: { ...p.metadata, labels: { a: 'b' } } }, { oldObject: p }).toPass();
  });
});
