// Our 1.37 hierarchy checks (api-rules-1.37.md §9, PROPOSAL).

import { describe, expect, it } from '@jest/globals';
import { allGatesOn } from '@kubectl-workload/api';
import { evaluate } from '../../engine.js';
import { ManifestLookup } from '../../manifest-lookup.js';
import { expectRule } from '../../test-support/expect-rule.js';
import { composite, compositePodGroup, gangTemplate, podGroup137, workload137 } from './test-support/objects.js';

const tree = workload137({
  compositePodGroupTemplates: [composite('job', { podGroupTemplates: [gangTemplate('leader'), gangTemplate('workers')] })],
});

describe('X-31 a PodGroup names a PodGroupTemplate', () => {
  it('rejects a reference to a composite template', async () => {
    await expectRule('X-31', podGroup137({ workloadRef: { workloadName: 'train', templateName: 'job' } }), { objects: [tree] }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.workloadRef.templateName',
        message:
          'spec.workloadRef.templateName: Invalid value: "job": names a CompositePodGroupTemplate of Workload "train"; a PodGroup needs a PodGroupTemplate (a CompositePodGroup is made from this one)',
      },
    ]);
    await expectRule('X-31', podGroup137({ workloadRef: { workloadName: 'train', templateName: 'workers' } }), {
      objects: [tree],
    }).toPass();
  });
});

describe('X-33 a child PodGroup needs workloadRef', () => {
  it('requires workloadRef next to parentCompositePodGroupName', async () => {
    await expectRule('X-33', podGroup137({ parentCompositePodGroupName: 'job' })).toReport([
      {
        reason: 'FieldValueRequired',
        field: 'spec.workloadRef',
        message: 'spec.workloadRef: Required value: must be set when parentCompositePodGroupName is set',
      },
    ]);
  });
});

describe('X-35 all above single', () => {
  it('warns about a descendant whose single mode the ancestor overrides', async () => {
    const obj = workload137({
      compositePodGroupTemplates: [
        composite('job', { podGroupTemplates: [gangTemplate('w', { disruptionMode: { single: {} } })] }, { disruptionMode: { all: {} } }),
      ],
    });
    await expectRule('X-35', obj).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.compositePodGroupTemplates[0].podGroupTemplates[0].disruptionMode',
        message:
          'spec.compositePodGroupTemplates[0].podGroupTemplates[0].disruptionMode: Invalid value: "single": is overridden by an ancestor with disruptionMode all: the whole composite group is disrupted together',
      },
    ]);
  });
  it('WL-39: no API rule relates the modes, so X-35 is the only finding, a warning', async () => {
    const obj = workload137({
      compositePodGroupTemplates: [
        composite('job', { podGroupTemplates: [gangTemplate('w', { disruptionMode: { single: {} } })] }, { disruptionMode: { all: {} } }),
      ],
    });
    const verdict = await evaluate(
      { operation: 'CREATE', subResource: '', object: obj, gates: allGatesOn('1.37'), kubeVersion: '1.37' },
      new ManifestLookup([]),
    );
    expect(verdict.errors).toEqual([]);
    expect([...verdict.warnings, ...verdict.infos].map((f) => [f.rule, f.severity])).toEqual([['X-35', 'warning']]);
  });
  it('looks through nested composite templates: a single composite and its children under an all ancestor', async () => {
    const inner = composite(
      'inner',
      { podGroupTemplates: [gangTemplate('w', { disruptionMode: { single: {} } })] },
      { disruptionMode: { single: {} } },
    );
    const obj = workload137({
      compositePodGroupTemplates: [composite('job', { compositePodGroupTemplates: [inner] }, { disruptionMode: { all: {} } })],
    });
    const at = 'spec.compositePodGroupTemplates[0].compositePodGroupTemplates[0]';
    const why =
      'Invalid value: "single": is overridden by an ancestor with disruptionMode all: the whole composite group is disrupted together';
    await expectRule('X-35', obj).toReport([
      { reason: 'FieldValueInvalid', field: `${at}.disruptionMode`, message: `${at}.disruptionMode: ${why}` },
      {
        reason: 'FieldValueInvalid',
        field: `${at}.podGroupTemplates[0].disruptionMode`,
        message: `${at}.podGroupTemplates[0].disruptionMode: ${why}`,
      },
    ]);
    await expectRule(
      'X-35',
      workload137({ compositePodGroupTemplates: [composite('job', { compositePodGroupTemplates: [inner] })] }),
    ).toPass();
  });
});

describe('X-36 minGroupCount reachable', () => {
  it('warns when the gang needs more child groups than the template has', async () => {
    const cpg = compositePodGroup({
      workloadRef: { workloadName: 'train', templateName: 'job' },
      schedulingPolicy: { gang: { minGroupCount: 3 } },
    });
    await expectRule('X-36', cpg, { objects: [tree] }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.schedulingPolicy.gang.minGroupCount',
        message:
          'spec.schedulingPolicy.gang.minGroupCount: Invalid value: 3: exceeds the 2 child template(s) of "job" in Workload "train": the group can never be scheduled',
      },
    ]);
  });
});
