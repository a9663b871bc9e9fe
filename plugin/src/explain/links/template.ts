// Link 6: the PodGroup still says what its template says (X-10..X-14). The scheduler follows the
// PodGroup, so a drifted copy explains a gang behaving unlike its Workload.

import { compareWithTemplate, RULE_OF_TEMPLATE_FIELD } from '@kubectl-workload/rules';
import { broken, ok, warning, type LinkCheck } from '../model.js';
import { allBound, label } from './objects.js';

const show = (value: unknown) => (value === undefined ? '<unset>' : JSON.stringify(value));

export const templateLink: LinkCheck = (walk) => {
  const { podGroup, template, workload } = walk;
  if (!podGroup || !template || !workload) return undefined;
  const differences = compareWithTemplate(podGroup.spec, template);
  if (differences.length === 0) return { result: ok('template', `PodGroup matches template "${template.name ?? ''}"`), walk };
  const summary = `PodGroup ${label(podGroup)} drifted from template "${template.name ?? ''}" of Workload ${label(workload)}`;
  const details = differences.map((d) => `${d.path}: template ${show(d.template)}, PodGroup ${show(d.podGroup)}`);
  const refs = [...new Set(differences.map((d) => RULE_OF_TEMPLATE_FIELD[d.field]))];
  const diff = `kubectl workload diff ${workload.metadata?.name ?? ''} shows the fields`;
  // A gang already running is not stuck by the drift: warn, do not advise deleting it.
  if (allBound(walk.pods ?? [], podGroup.spec?.schedulingPolicy?.gang?.minCount)) {
    const fix = `the running gang is unaffected; PodGroup spec is immutable, so the template's values apply once the PodGroup is recreated (${diff})`;
    return { result: warning('template', summary, fix, details, refs), walk };
  }
  const fix = `PodGroup spec is immutable: delete it and recreate it from the template (${diff})`;
  return { result: broken('template', summary, fix, details, refs), walk };
};
