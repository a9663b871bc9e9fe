import { expectRule } from '../../test-support/expect-rule.js';
import { SUBDOMAIN_REGEX } from '../../validation/test-support/texts.js';
import { basic, workload } from './test-support/objects.js';

const withRef = (controllerRef: Record<string, string>) => workload({ controllerRef, podGroupTemplates: [basic()] });

describe('WL-13 controllerRef.apiGroup', () => {
  it('accepts the core group (empty) and a DNS subdomain', async () => {
    await expectRule('WL-13', withRef({ kind: 'Pod', name: 'p' })).toPass();
    await expectRule('WL-13', withRef({ apiGroup: 'apps', kind: 'Deployment', name: 'd' })).toPass();
  });
  it('rejects an upper-case group', async () => {
    await expectRule('WL-13', withRef({ apiGroup: 'Apps', kind: 'Deployment', name: 'd' })).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.controllerRef.apiGroup',
        message: `spec.controllerRef.apiGroup: Invalid value: "Apps": ${SUBDOMAIN_REGEX}`,
      },
    ]);
  });
});

describe('WL-14 controllerRef.kind', () => {
  it('requires a kind', async () => {
    await expectRule('WL-14', withRef({ name: 'd' })).toReport([
      { reason: 'FieldValueRequired', field: 'spec.controllerRef.kind', message: 'spec.controllerRef.kind: Required value' },
    ]);
  });
  it.each([
    ['Deploy/ment', "may not contain '/'"],
    ['Deploy%ment', "may not contain '%'"],
  ])('rejects %s', async (kind, detail) => {
    await expectRule('WL-14', withRef({ kind, name: 'd' })).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.controllerRef.kind',
        message: `spec.controllerRef.kind: Invalid value: "${kind}": ${detail}`,
      },
    ]);
  });
});

describe('WL-15 controllerRef.name', () => {
  it('accepts a name that is no DNS name (path segment only)', async () => {
    await expectRule('WL-15', withRef({ kind: 'Job', name: 'My_Job' })).toPass();
  });
  it('requires a name', async () => {
    await expectRule('WL-15', withRef({ kind: 'Job' })).toReport([
      { reason: 'FieldValueRequired', field: 'spec.controllerRef.name', message: 'spec.controllerRef.name: Required value' },
    ]);
  });
  it('rejects /invalid-name and ..', async () => {
    await expectRule('WL-15', withRef({ kind: 'Job', name: '/invalid-name' })).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.controllerRef.name',
        message: 'spec.controllerRef.name: Invalid value: "/invalid-name": may not contain \'/\'',
      },
    ]);
    await expectRule('WL-15', withRef({ kind: 'Job', name: '..' })).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.controllerRef.name',
        message: 'spec.controllerRef.name: Invalid value: "..": may not be \'..\'',
      },
    ]);
  });
});
