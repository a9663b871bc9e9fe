// JOB-15 (1.36) vs JOB-27 (1.37): what a parallelism change does to the gang minCount, per version.

import type { Job, PodGroup } from '@kubectl-workload/api';
import { elasticGangNote, parallelismLocked } from './elastic-gang.js';

const job = (parallelism: number, extra: Record<string, unknown> = {}, owned = false): Job => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: {
    name: 'train',
    namespace: 'ml',
    ...(owned
      ? { ownerReferences: [{ apiVersion: 'jobset.x-k8s.io/v1alpha2', kind: 'JobSet', name: 'js', uid: 'u', controller: true }] }
      : {}),
  },
  spec: { parallelism, completions: parallelism, completionMode: 'Indexed', ...extra },
});
const group = (minCount: number): PodGroup => ({
  apiVersion: 'scheduling.k8s.io/v1alpha2',
  kind: 'PodGroup',
  metadata: { name: 'train-pg', namespace: 'ml' },
  spec: { schedulingPolicy: { gang: { minCount } } },
});
const gang137 = (minCount?: number) => ({ scheduling: { schedulingPolicy: { gang: minCount === undefined ? {} : { minCount } } } });

describe('elasticGangNote', () => {
  it('JOB-15: under 1.36 a changed parallelism never moves minCount; below it the gang never gathers', () => {
    expect(elasticGangNote(job(3), group(3), '1.36')).toBeUndefined();
    expect(elasticGangNote(job(2), group(3), '1.36')).toEqual({
      note: 'spec.parallelism is 2 but PodGroup "train-pg" keeps gang minCount 3: the v1.36 Job controller never updates minCount after creating it (JOB-15); only 2 pods run at once, so the gang never gathers 3: recreate the Job to resize it',
      ref: 'JOB-15',
    });
    expect(elasticGangNote(job(5), group(3), '1.36')?.note).toBe(
      'spec.parallelism is 5 but PodGroup "train-pg" keeps gang minCount 3: the v1.36 Job controller never updates minCount after creating it (JOB-15)',
    );
  });

  it('JOB-27: under 1.37 the controller patches minCount to spec.scheduling gang minCount, else parallelism', () => {
    expect(elasticGangNote(job(4, gang137()), group(3), '1.37')).toEqual({
      note: 'PodGroup "train-pg" has gang minCount 3, the Job asks for 4: the v1.37 Job controller patches it and its Workload template on the next sync (JOB-27)',
      ref: 'JOB-27',
    });
    expect(elasticGangNote(job(4, gang137(2)), group(3), '1.37')?.note).toMatch(/the Job asks for 2:/);
    expect(elasticGangNote(job(4, gang137(3)), group(3), '1.37')).toBeUndefined();
  });

  it('JOB-27: says nothing for a Basic Job, a Job its parent owns (JOB-28) or a PodGroup without a gang', () => {
    expect(elasticGangNote(job(4), group(3), '1.37')).toBeUndefined();
    expect(elasticGangNote(job(4, gang137(), true), group(3), '1.37')).toBeUndefined();
    expect(elasticGangNote(job(4), { ...group(3), spec: { schedulingPolicy: { basic: {} } } }, '1.36')).toBeUndefined();
  });

  it('JOB-14: the parallelism lock holds under 1.36 and is retired in 1.37', () => {
    expect(parallelismLocked('1.36')).toBe(true);
    expect(parallelismLocked('1.37')).toBe(false);
  });
});
