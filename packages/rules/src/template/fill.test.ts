import type { PodGroupPolicyFields } from '@kubectl-workload/api';
import { fillFromTemplate } from './fill.js';

const template: PodGroupPolicyFields = {
  schedulingPolicy: { gang: { minCount: 2 } },
  resourceClaims: [{ name: 'gpu', resourceClaimTemplateName: 'gpus' }],
  disruptionMode: 'PodGroup',
  priorityClassName: 'high',
};

describe('fillFromTemplate', () => {
  it('adds only the fields the user left unset', () => {
    expect(fillFromTemplate({ schedulingPolicy: { gang: { minCount: 2 } }, priorityClassName: 'mine' }, template)).toEqual([
      { op: 'add', path: '/spec/resourceClaims', value: [{ name: 'gpu', resourceClaimTemplateName: 'gpus' }] },
      { op: 'add', path: '/spec/disruptionMode', value: 'PodGroup' },
    ]);
  });

  it('never overwrites a set field, even one that differs', () => {
    expect(fillFromTemplate({ ...template, schedulingPolicy: { basic: {} }, disruptionMode: 'Pod' }, template)).toEqual([]);
  });

  it('adds the whole spec when there is none, with copies of the template values', () => {
    const ops = fillFromTemplate(undefined, template);
    expect(ops).toEqual([{ op: 'add', path: '/spec', value: template }]);
    const claims = (ops[0]?.value as PodGroupPolicyFields).resourceClaims;
    expect(claims).not.toBe(template.resourceClaims);
    expect(claims?.[0]).not.toBe(template.resourceClaims?.[0]);
  });

  it('copies nested values, so changing the patch leaves the template alone', () => {
    const [op] = fillFromTemplate({}, template).filter((o) => o.path === '/spec/schedulingPolicy');
    (op?.value as { gang: { minCount: number } }).gang.minCount = 9;
    expect(template.schedulingPolicy).toEqual({ gang: { minCount: 2 } });
  });
});
