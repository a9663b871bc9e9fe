import {
  fnv32a,
  isWorkloadNameForJob,
  podGroupNameFor,
  podGroupTemplateNameForJob,
  safeEncodeString,
  workloadNameForJob,
} from './names.js';

describe('Job controller names', () => {
  it('hashes with FNV-1a 32 (Go hash/fnv test vectors)', () => {
    expect(fnv32a('')).toBe(0x811c9dc5);
    expect(fnv32a('a')).toBe(0xe40c292c);
    expect(fnv32a('foobar')).toBe(0xbf9cf968);
  });

  it('encodes decimal digits through the SafeEncodeString alphabet', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });

  describe('JOB-08 PodGroup names', () => {
    it.each([
      ['my-workload', 'my-job-pgt-0', 'my-workload-my-job-pgt-0-79b64977bd'],
      ['my-workload', 'my-template', 'my-workload-my-template-67bd6bbcc4'],
    ])('(%s, %s) → %s', (wl, tpl, name) => {
      expect(podGroupNameFor(wl, tpl)).toBe(name);
    });

    it('truncates only the template when the workload name is within half the room', () => {
      const hash = podGroupNameFor('w', 't'.repeat(300)).split('-').pop() ?? '';
      const name = podGroupNameFor('w', 't'.repeat(300));
      expect(name).toBe(`w-${'t'.repeat(253 - hash.length - 2 - 1)}-${hash}`);
      expect(name).toHaveLength(253);
    });

    it('truncates only the workload when the template name is within half the room', () => {
      const name = podGroupNameFor('w'.repeat(300), 'tpl');
      expect(name).toHaveLength(253);
      expect(name).toMatch(/^w+-tpl-[456789bcdf]+$/);
    });

    it('splits evenly when both are long, the workload part taking the odd character', () => {
      const name = podGroupNameFor('w'.repeat(200), 't'.repeat(200));
      const [wl = '', tpl = '', hash = ''] = name.split('-');
      const room = 253 - hash.length - 2;
      expect(tpl).toHaveLength(Math.floor(room / 2));
      expect(wl).toHaveLength(room - Math.floor(room / 2));
      expect(name).toHaveLength(253);
    });

    it('keeps names that fit', () => {
      expect(podGroupNameFor('a'.repeat(100), 'b'.repeat(100))).toMatch(/^a{100}-b{100}-[456789bcdf]{1,10}$/);
    });
  });

  describe('JOB-04 Workload names', () => {
    it('follows <job>-<hash of the UID> and is stable per UID', () => {
      const job = { metadata: { name: 'train', uid: '6a1e1e5c-0000-4000-8000-000000000001' } };
      const name = workloadNameForJob(job);
      expect(name).toMatch(/^train-[456789bcdf]{1,10}$/);
      expect(workloadNameForJob(job)).toBe(name);
      expect(workloadNameForJob({ metadata: { name: 'train', uid: 'other' } })).not.toBe(name);
      expect(isWorkloadNameForJob(name, 'train')).toBe(true);
    });

    it('cuts a long job name so the whole name is at most 253', () => {
      const jobName = 'j'.repeat(260);
      const name = workloadNameForJob({ metadata: { name: jobName, uid: 'u' } });
      expect(name.length).toBeLessThanOrEqual(253);
      expect(name.length).toBeGreaterThanOrEqual(253 - 9);
      expect(isWorkloadNameForJob(name, jobName)).toBe(true);
    });

    it('rejects names of other Jobs or hashes outside the alphabet', () => {
      expect(isWorkloadNameForJob('train-4bd', 'training')).toBe(false);
      expect(isWorkloadNameForJob('train-xyz', 'train')).toBe(false);
      expect(isWorkloadNameForJob('train', 'train')).toBe(false);
    });
  });

  it('JOB-05 names the template <job>-pgt-0 without truncation', () => {
    expect(podGroupTemplateNameForJob({ metadata: { name: 'x'.repeat(60) } })).toBe(`${'x'.repeat(60)}-pgt-0`);
  });
});
