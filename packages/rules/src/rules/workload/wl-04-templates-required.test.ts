import { expectRule } from '../../test-support/expect-rule.js';
import { basic, workload } from './test-support/objects.js';

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

describe('WL-04 on update', () => {
  it('does not re-report an unchanged empty list (ratcheting)', async () => {
    await expectRule('WL-04', workload({ podGroupTemplates: [] }), { oldObject: workload({}) }).toPass();
  });
  it('reports a list emptied by the update', async () => {
    await expectRule('WL-04', workload({ podGroupTemplates: [] }), { oldObject: workload({ podGroupTemplates: [basic()] }) }).toReport([
      { reason: 'FieldValueRequired', field: 'spec.podGroupTemplates', message: 'spec.podGroupTemplates: Required value' },
    ]);
  });
});
