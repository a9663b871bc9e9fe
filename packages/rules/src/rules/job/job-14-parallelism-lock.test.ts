import { allGatesOn, LookupUnavailableError } from '@kubectl-workload/api';
import type { Job } from '@kubectl-workload/api';
import { ManifestLookup } from '../../manifest-lookup.js';
import { evaluate } from '../../engine.js';
import { expectRule } from '../../test-support/expect-rule.js';
import type { ExpectedFinding } from '../../test-support/expect-rule.js';
import { job, jobOwner, podGroup } from '../cross/test-support/objects.js';

const gang = (name: string, owner?: ReturnType<typeof jobOwner>) =>
  podGroup({ schedulingPolicy: { gang: { minCount: 4 } } }, { name, ...(owner ? { ownerReferences: [owner] } : {}) });
const basic = (name: string) => podGroup({ schedulingPolicy: { basic: {} } }, { name });

const naming = (pgName: string): Job => job({ template: { spec: { containers: [], schedulingGroup: { podGroupName: pgName } } } });
const scaled = (j: Job): Job => ({ ...j, spec: { ...j.spec, parallelism: 8 } });

const locked = (name: string): ExpectedFinding[] => [
  {
    reason: 'Forbidden',
    field: 'spec.parallelism',
    message: `cannot change parallelism for a Job referencing gang-scheduled PodGroup "${name}"`,
  },
];

describe('JOB-14 parallelism lock (TestGangSchedulingParallelism cases)', () => {
  it('rejects a change when the template names an existing gang PodGroup', async () => {
    await expectRule('JOB-14', scaled(naming('pg-1')), { oldObject: naming('pg-1'), objects: [gang('pg-1')] }).toReport(locked('pg-1'));
  });

  it('rejects a change when a gang PodGroup is controlled by the Job', async () => {
    await expectRule('JOB-14', scaled(job()), { oldObject: job(), objects: [gang('auto', jobOwner())] }).toReport(locked('auto'));
  });

  it.each([
    ['the named PodGroup is basic', naming('pg-1'), [basic('pg-1')]],
    ['the named PodGroup does not exist', naming('missing'), []],
    ['the gang PodGroup is controlled by another Job', job(), [gang('other', jobOwner('other', 'other-uid'))]],
    ['the gang PodGroup has no controller', job(), [gang('free')]],
  ])('allows the change when %s', async (_name, oldJob, objects) => {
    await expectRule('JOB-14', scaled(oldJob), { oldObject: oldJob, objects }).toPass();
  });

  it('allows updates that keep parallelism, and /status updates', async () => {
    await expectRule('JOB-14', naming('pg-1'), { oldObject: naming('pg-1'), objects: [gang('pg-1')] }).toPass();
    await expectRule('JOB-14', scaled(naming('pg-1')), {
      oldObject: naming('pg-1'),
      objects: [gang('pg-1')],
      subResource: 'status',
    }).toPass();
  });

  it('runs when either GenericWorkload or WorkloadWithJob is on, not when both are off', async () => {
    const c = { oldObject: naming('pg-1'), objects: [gang('pg-1')] };
    await expectRule('JOB-14', scaled(naming('pg-1')), { ...c, gates: { GenericWorkload: false } }).toReport(locked('pg-1'));
    await expectRule('JOB-14', scaled(naming('pg-1')), { ...c, gates: { WorkloadWithJob: false } }).toReport(locked('pg-1'));
    await expectRule('JOB-14', scaled(naming('pg-1')), { ...c, gates: { GenericWorkload: false, WorkloadWithJob: false } }).toPass();
  });

  it('records a lookup failure instead of deciding', async () => {
    const lookup = new ManifestLookup([]);
    lookup.podGroupsControlledBy = () => Promise.reject(new LookupUnavailableError('podgroups not synced'));
    const verdict = await evaluate({ operation: 'UPDATE', object: scaled(job()), oldObject: job(), gates: allGatesOn() }, lookup);
    expect(verdict.lookupFailures).toContainEqual({ rule: 'JOB-14', error: 'podgroups not synced' });
    expect(verdict.errors.filter((f) => f.rule === 'JOB-14')).toEqual([]);
  });
});

describe('X-05 / JOB-14 under 1.37: the JobValidation parallelism lock is gone (ADM-15)', () => {
  it('lets a Job whose template names a gang PodGroup change parallelism under 1.37, not under 1.36', async () => {
    const c = { oldObject: naming('pg-1'), objects: [gang('pg-1')] };
    await expectRule('JOB-14', scaled(naming('pg-1')), { ...c, kubeVersion: '1.36' }).toReport(locked('pg-1'));
    const verdict = await evaluate(
      {
        operation: 'UPDATE',
        subResource: '',
        object: scaled(naming('pg-1')),
        oldObject: naming('pg-1'),
        gates: allGatesOn('1.37'),
        kubeVersion: '1.37',
      },
      new ManifestLookup(c.objects),
    );
    expect([...verdict.errors, ...verdict.warnings].filter((f) => ['JOB-14', 'X-05'].includes(f.rule))).toEqual([]);
  });
});
