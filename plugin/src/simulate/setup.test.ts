import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, emptyState } from '@kubectl-workload/cluster';
import { TestApiServer, writeKubeconfig } from '@kubectl-workload/test';
import { UserError } from '../exit.js';
import { readSchedulerConfig, resolveGates, runKubeVersion } from './setup.js';

describe('resolveGates', () => {
  it("live: the API server's /metrics is the default, said in one line; forbidden falls back to all on with a warning", async () => {
    const api = await TestApiServer.start({
      featureGates: { GenericWorkload: true, GangScheduling: true, TopologyAwareWorkloadScheduling: false, WorkloadAwarePreemption: false },
    });
    try {
      const dir = await mkdtemp(join(tmpdir(), 'gates-'));
      const client = await connect(
        { kubeconfig: await writeKubeconfig({ server: api.url, caData: api.caData, token: api.token, dir }) },
        {},
      );
      const live = await resolveGates(undefined, { client }, emptyState());
      expect(live.gates).toMatchObject({
        GenericWorkload: true,
        GangScheduling: true,
        TopologyAwareWorkloadScheduling: false,
        WorkloadAwarePreemption: false,
      });
      expect(live.notice).toBe(
        'feature gates from the API server: GenericWorkload=true, GangScheduling=true, TopologyAwareWorkloadScheduling=false, WorkloadAwarePreemption=false; override with --feature-gates',
      );
      expect(
        (await resolveGates('TopologyAwareWorkloadScheduling=true', { client }, emptyState())).gates.TopologyAwareWorkloadScheduling,
      ).toBe(true);
      api.forbid({ resource: '/metrics' });
      const denied = await resolveGates(undefined, { client }, emptyState());
      expect(denied.gates).toMatchObject({
        GenericWorkload: true,
        GangScheduling: true,
        TopologyAwareWorkloadScheduling: true,
        WorkloadAwarePreemption: true,
      });
      expect(denied.notice).toMatch(
        /^warning: cannot read the API server's feature gates from \/metrics \(forbidden: .*\); assuming every gate on; override with --feature-gates$/,
      );
      expect(api.writes()).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it('snapshot: the recorded gates are the default; --feature-gates overrides them; a bad flag names it', async () => {
    const state = { ...emptyState(), featureGates: 'GangScheduling=false,WorkloadAwarePreemption=false' };
    const recorded = await resolveGates(undefined, { snapshot: 'snap.yaml' }, state);
    expect(recorded.gates).toMatchObject({ GangScheduling: false, WorkloadAwarePreemption: false, GenericWorkload: true });
    expect(recorded.notice).toMatch(
      /^feature gates from the snapshot: GenericWorkload=true, GangScheduling=false, .*; override with --feature-gates$/,
    );
    expect((await resolveGates('GangScheduling=true', { snapshot: 'snap.yaml' }, state)).gates.GangScheduling).toBe(true);
    await expect(resolveGates('Gang=true', { snapshot: 'snap.yaml' }, emptyState())).rejects.toThrow(
      new UserError('--feature-gates: unrecognized feature gate: Gang'),
    );
    expect((await resolveGates(undefined, { snapshot: 'snap.yaml' }, emptyState())).notice).toBeUndefined();
  });
});

describe('runKubeVersion', () => {
  const v137 = { ...emptyState(), podGroups: [{ apiVersion: 'scheduling.k8s.io/v1beta1', kind: 'PodGroup', metadata: { name: 'g' } }] };

  it("--kube-version wins; else a snapshot's scheduling objects say (v1beta1: 1.37); else 1.36", async () => {
    expect(await runKubeVersion('1.36', { snapshot: 'snap.yaml' }, v137)).toBe('1.36');
    expect(await runKubeVersion(undefined, { snapshot: 'snap.yaml' }, v137)).toBe('1.37');
    expect(await runKubeVersion(undefined, { snapshot: 'snap.yaml' }, emptyState())).toBe('1.36');
  });

  it('1.37 gates: a 1.37 snapshot records CompositePodGroup; the merged GangScheduling is refused with the reason', async () => {
    const state = { ...v137, featureGates: 'GenericWorkload=true,CompositePodGroup=false' };
    const { gates, notice } = await resolveGates(undefined, { snapshot: 'snap.yaml' }, state, '1.37');
    expect(gates).toMatchObject({ GenericWorkload: true, CompositePodGroup: false, PodGroupPreemptionPolicy: true, GangScheduling: false });
    expect(notice).toContain('CompositePodGroup=false');
    await expect(resolveGates('GangScheduling=true', { snapshot: 'snap.yaml' }, state, '1.37')).rejects.toThrow(
      new UserError('--feature-gates: unrecognized feature gate: GangScheduling (Kubernetes 1.37 merged it into GenericWorkload: drop it)'),
    );
  });
});

describe('readSchedulerConfig', () => {
  it('reads YAML and reports a bad field as a user error naming the file and field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sched-'));
    const file = join(dir, 'sched.yaml');
    await writeFile(
      file,
      'apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\nprofiles:\n- schedulerName: gpu\n  pluginConfig:\n  - name: NodeResourcesFit\n    args: {scoringStrategy: {type: MostAllocated}}\n',
    );
    expect((await readSchedulerConfig(file))?.profiles.map((p) => [p.schedulerName, p.fitStrategy.type])).toEqual([
      ['gpu', 'MostAllocated'],
    ]);
    await writeFile(
      file,
      'apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\nprofiles:\n- plugins: {score: {enabled: [{name: Bogus}]}}\n',
    );
    await expect(readSchedulerConfig(file)).rejects.toThrow(UserError);
    await expect(readSchedulerConfig(file)).rejects.toThrow(
      `${file}: profiles[0].plugins.score.enabled[0].name: Unsupported value: "Bogus"`,
    );
    expect(await readSchedulerConfig(undefined)).toBeUndefined();
  });
});
