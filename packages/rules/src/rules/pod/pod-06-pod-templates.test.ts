import type { KubeObject } from '@kubectl-workload/api';
import { expectRule } from '../../test-support/expect-rule.js';

const withTemplate = (apiVersion: string, kind: string, schedulingGroup: object): KubeObject =>
  ({
    apiVersion,
    kind,
    metadata: { name: 'x', namespace: 'ns' },
    spec: { template: { spec: { containers: [], schedulingGroup } } },
  }) as KubeObject;

describe('POD-06 pod templates follow POD-02/03', () => {
  it.each([
    ['apps/v1', 'Deployment'],
    ['apps/v1', 'StatefulSet'],
    ['apps/v1', 'ReplicaSet'],
    ['apps/v1', 'DaemonSet'],
    ['batch/v1', 'Job'],
  ])('accepts a valid name and rejects a missing one in a %s %s', async (apiVersion, kind) => {
    await expectRule('POD-06', withTemplate(apiVersion, kind, { podGroupName: 'pg' })).toPass();
    await expectRule('POD-06', withTemplate(apiVersion, kind, {})).toReport([
      {
        reason: 'FieldValueRequired',
        field: 'spec.template.spec.schedulingGroup.podGroupName',
        message: 'spec.template.spec.schedulingGroup.podGroupName: Required value',
      },
    ]);
  });

  it('checks the CronJob job template at its full path', async () => {
    const cronJob = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'c', namespace: 'ns' },
      spec: { jobTemplate: { spec: { template: { spec: { containers: [], schedulingGroup: { podGroupName: 'Bad' } } } } } },
    };
    await expectRule('POD-06', cronJob).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.jobTemplate.spec.template.spec.schedulingGroup.podGroupName',
        message:
          "spec.jobTemplate.spec.template.spec.schedulingGroup.podGroupName: Invalid value: \"Bad\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      },
    ]);
  });
});
