import { expectRule } from '../../test-support/expect-rule.js';

describe('WL-04 podGroupTemplates required', () => {
  const base = { apiVersion: 'scheduling.k8s.io/v1alpha2', kind: 'Workload', metadata: { name: 'w', namespace: 'ns' } };

  it('accepts a Workload with one template', async () => {
    await expectRule('WL-04', { ...base, spec: { podGroupTemplates: [{ name: 't', schedulingPolicy: { basic: {} } }] } }).toPass();
  });

  it.each([
    ['missing', {}],
    ['empty', { podGroupTemplates: [] }],
  ])('rejects %s templates with Required value', async (_name, spec) => {
    await expectRule('WL-04', { ...base, spec }).toReport([
      { reason: 'FieldValueRequired', field: 'spec.podGroupTemplates', message: 'spec.podGroupTemplates: Required value' },
    ]);
  });
});
