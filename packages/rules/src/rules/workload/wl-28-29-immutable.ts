import type { Workload } from '@kubectl-workload/api';
import { defineRule } from '../../rule.js';
import { validateImmutable } from '../../validation/index.js';
import { TEMPLATES_PATH } from './template-rule.js';

const base = { severity: 'error', style: 'field', kinds: ['Workload'], operations: ['UPDATE'], subResources: [''] } as const;

/** WL-28: controllerRef cannot be set, unset or changed. */
export const wl28 = defineRule<Workload>({
  ...base,
  id: 'WL-28',
  doc: 'spec.controllerRef is immutable (setting, unsetting and changing it are all rejected).',
  check: ({ object, oldObject }) => validateImmutable('spec.controllerRef', oldObject?.spec?.controllerRef, object.spec?.controllerRef),
});

/** WL-29: the template list is immutable as a whole: one error on the list path, whatever the gates. */
export const wl29 = defineRule<Workload>({
  ...base,
  id: 'WL-29',
  doc: 'spec.podGroupTemplates is immutable as a whole; any change is one error on the list.',
  check: ({ object, oldObject }) => validateImmutable(TEMPLATES_PATH, oldObject?.spec?.podGroupTemplates, object.spec?.podGroupTemplates),
});
