// Link 6: the PodGroup still says what its template says (X-10..X-14). The scheduler follows the
// PodGroup, so a drifted copy explains a gang behaving unlike its Workload.

import { isMinCountOnly, RULE_OF_TEMPLATE_FIELD } from '@kubectl-workload/rules';
import { podGroupDrift, type MinCountChange } from '../../diff/drift.js';
import { broken, ok, warning, type LinkCheck } from '../model.js';
import { allBound, label } from './objects.js';

const show = (value: unknown) => (value === undefined ? '<unset>' : JSON.stringify(value));

/** 1.37: the template's minCount changed after the PodGroup was made (WL-29): not drift, say so. */
function followsTemplate(minCount: MinCountChange | undefined): string[] {
  if (minCount?.changedBy !== 'template') return [];
  return [
    `gang minCount ${minCount.podGroup ?? '<unset>'} differs from the template's ${minCount.template ?? '<unset>'}, which was changed ` +
      `after the PodGroup was made (Workload generation ${minCount.workloadGeneration ?? '?'}): not drift in 1.37, the Job controller ` +
      'patches the PodGroup in turn (WL-29, JOB-27)',
  ];
}

export const templateLink: LinkCheck = (walk) => {
  const { podGroup, template, workload } = walk;
  if (!podGroup || !template || !workload) return undefined;
  const { differences, patch, minCount } = podGroupDrift(podGroup, template, workload);
  if (differences.length === 0)
    return {
      result: ok('template', `PodGroup matches template "${template.name ?? ''}"`, followsTemplate(minCount), minCount ? ['X-10'] : []),
      walk,
    };
  const summary = `PodGroup ${label(podGroup)} drifted from template "${template.name ?? ''}" of Workload ${label(workload)}`;
  const details = differences.map((d) => `${d.path}: template ${show(d.template)}, PodGroup ${show(d.podGroup)}`);
  const refs = [...new Set(differences.map((d) => RULE_OF_TEMPLATE_FIELD[d.field]))];
  const diff = `kubectl workload diff ${workload.metadata?.name ?? ''} shows the fields`;
  // 1.37: a gang minCount is the one field that can be patched in place (PG-22).
  if (minCount && differences.every(isMinCountOnly)) {
    const fix = `gang minCount is mutable in 1.37 (PG-22): patch the PodGroup with ${JSON.stringify(patch)} (${diff})`;
    return { result: warning('template', summary, fix, details, [...refs, 'PG-22']), walk };
  }
  // A gang already running is not stuck by the drift: warn, do not advise deleting it.
  if (allBound(walk.pods ?? [], podGroup.spec?.schedulingPolicy?.gang?.minCount)) {
    const fix = `the running gang is unaffected; PodGroup spec is immutable, so the template's values apply once the PodGroup is recreated (${diff})`;
    return { result: warning('template', summary, fix, details, refs), walk };
  }
  const fix = `PodGroup spec is immutable: delete it and recreate it from the template (${diff})`;
  return { result: broken('template', summary, fix, details, refs), walk };
};
