import type { PodGroupResourceClaim } from '@kubectl-workload/api';
import { expectRule } from '../../test-support/expect-rule.js';
import { LABEL_REGEX, SUBDOMAIN_REGEX } from '../../validation/test-support/texts.js';
import { gang, withTemplates } from './test-support/objects.js';

const P = 'spec.podGroupTemplates[0].resourceClaims';
const withClaims = (...resourceClaims: PodGroupResourceClaim[]) => withTemplates(gang('t', 2, { resourceClaims }));
const claim = (name: string, extra: Partial<PodGroupResourceClaim> = { resourceClaimName: 'rc' }): PodGroupResourceClaim => ({
  name,
  ...extra,
});

describe('WL-19 at most 4 claims', () => {
  it('accepts 4', async () => {
    await expectRule('WL-19', withClaims(claim('a'), claim('b'), claim('c'), claim('d'))).toPass();
  });
  it('rejects 5, and skips every per-claim check', async () => {
    const five = withClaims(claim('a'), claim('a'), claim('Bad'), claim('d'), claim('e', {}));
    await expectRule('WL-19', five).toReport([
      { reason: 'FieldValueTooMany', field: P, message: `${P}: Too many: 5: must have at most 4 items` },
    ]);
    for (const id of ['WL-20', 'WL-21', 'WL-22']) await expectRule(id, five).toPass();
  });
});

describe('WL-20 unique claim names', () => {
  it('accepts distinct names', async () => {
    await expectRule('WL-20', withClaims(claim('a'), claim('b'))).toPass();
  });
  it('reports the later duplicate with the claim as Go prints it', async () => {
    await expectRule('WL-20', withClaims(claim('a'), { resourceClaimTemplateName: 'tpl', name: 'a' })).toReport([
      {
        reason: 'FieldValueDuplicate',
        field: `${P}[1]`,
        message: `${P}[1]: Duplicate value: {"name":"a","resourceClaimTemplateName":"tpl"}`,
      },
    ]);
  });
});

describe('WL-21 claim name', () => {
  it('accepts a label', async () => {
    await expectRule('WL-21', withClaims(claim('my-claim'))).toPass();
  });
  it('requires a name', async () => {
    await expectRule('WL-21', withClaims({ resourceClaimName: 'rc' })).toReport([
      { reason: 'FieldValueRequired', field: `${P}[0].name`, message: `${P}[0].name: Required value` },
    ]);
  });
  it('rejects my/claim', async () => {
    await expectRule('WL-21', withClaims(claim('my/claim'))).toReport([
      { reason: 'FieldValueInvalid', field: `${P}[0].name`, message: `${P}[0].name: Invalid value: "my/claim": ${LABEL_REGEX}` },
    ]);
  });
});

describe('WL-22 exactly one claim source', () => {
  it('accepts a template source', async () => {
    await expectRule('WL-22', withClaims(claim('a', { resourceClaimTemplateName: 't' }))).toPass();
  });
  it('rejects none and both', async () => {
    await expectRule('WL-22', withClaims(claim('a', {}), claim('b', { resourceClaimName: 'x', resourceClaimTemplateName: 'y' }))).toReport([
      {
        reason: 'FieldValueInvalid',
        field: `${P}[0]`,
        message: `${P}[0]: Invalid value: "": must specify one of: \`resourceClaimName\`, \`resourceClaimTemplateName\``,
      },
      {
        reason: 'FieldValueInvalid',
        field: `${P}[1]`,
        message: `${P}[1]: Invalid value: "{resourceClaimName, resourceClaimTemplateName}": must specify exactly one of: \`resourceClaimName\`, \`resourceClaimTemplateName\``,
      },
    ]);
  });
});

describe('WL-23 claim source names', () => {
  it('accepts dotted subdomains', async () => {
    await expectRule('WL-23', withClaims(claim('a', { resourceClaimName: 'my.claim' }))).toPass();
  });
  it('rejects .foo_bar', async () => {
    await expectRule('WL-23', withClaims(claim('a', { resourceClaimTemplateName: '.foo_bar' }))).toReport([
      {
        reason: 'FieldValueInvalid',
        field: `${P}[0].resourceClaimTemplateName`,
        message: `${P}[0].resourceClaimTemplateName: Invalid value: ".foo_bar": ${SUBDOMAIN_REGEX}`,
      },
    ]);
  });
});
