// `kubectl workload simulate -f job.yaml`: "would this new Job fit now?" through real kubectl against
// the test API server — on a cluster where it fits (exit 0) and one where it does not (exit 1), the
// same on a --snapshot, from stdin, and never a write to the server. Needs `npm run build`.

import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseObjectsFile } from '@kubectl-workload/api';
import { expectedPodGroupForJob } from '@kubectl-workload/rules';
import { TestApiServer, kubectlEnv, run, sampleClusterObjects, writeKubeconfig, type RunResult } from '@kubectl-workload/test';

const EXAMPLE = new URL('../../examples/cluster-snapshot.yaml', import.meta.url);

/** Two indexed pods with a GPU each: a gang the Job controller gives a Workload and a PodGroup (JOB-02). */
const JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: finetune
spec:
  parallelism: 2
  completions: 2
  completionMode: Indexed
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: trainer:1
        resources:
          requests: {cpu: '4', memory: 16Gi, nvidia.com/gpu: '1'}
          limits: {nvidia.com/gpu: '1'}
`;

/** The PodGroup name the Job controller would give it in `default` (no UID yet: JOB-04's informative name). */
const GROUP =
  expectedPodGroupForJob({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'finetune', namespace: 'default' },
    spec: { parallelism: 2, completions: 2, completionMode: 'Indexed' },
  })?.metadata?.name ?? '';

let gpuCluster: TestApiServer;
let cpuCluster: TestApiServer;
let home: string;
let jobFile: string;
let snapshotFile: string;

beforeAll(async () => {
  const objects = parseObjectsFile(await readFile(EXAMPLE, 'utf8'), 'cluster-snapshot.yaml');
  [gpuCluster, cpuCluster] = await Promise.all([
    TestApiServer.start({ objects }),
    TestApiServer.start({ objects: sampleClusterObjects() }),
  ]);
  home = await mkdtemp(join(tmpdir(), 'whatif-e2e-'));
  jobFile = join(home, 'job.yaml');
  await writeFile(jobFile, JOB);
  snapshotFile = join(home, 'objects.json');
  await writeFile(snapshotFile, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }));
});
afterAll(async () => {
  await Promise.all([gpuCluster.close(), cpuCluster.close()]);
});

async function kubectl(api: TestApiServer, args: string[]): Promise<RunResult> {
  const dir = await mkdtemp(join(home, 'kubeconfig-'));
  const kubeconfig = await writeKubeconfig({ server: api.url, caData: api.caData, token: api.token, dir });
  return run('kubectl', ['workload', ...args], kubectlEnv(home, kubeconfig));
}

interface WhatIfReport {
  whatIf: {
    kind: string;
    namespace: string;
    name: string;
    podGroup: string | null;
    fits: boolean | null;
    pods: number;
    scheduled: number;
    nodes: string[];
    message: string;
    notes: string[];
  }[];
  podGroups: { name: string; outcome: string }[];
  pods: { name: string; podGroup: string | null; outcome: string }[];
}

describe('kubectl workload simulate -f (what-if)', () => {
  it('answers at the top that the Job fits, with its generated PodGroup, and reports only its objects (exit 0)', async () => {
    const result = await kubectl(gpuCluster, ['simulate', '-f', jobFile]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(GROUP).toMatch(/^finetune-[4-9b-df]+-finetune-pgt-0-[4-9b-df]+$/);
    expect(
      result.stdout.startsWith(
        `What-if (-f):\n  Job default/finetune (2 pods, PodGroup ${GROUP}): fits now: 2/2 pods on gpu-a2, gpu-a3\n\n`,
      ),
    ).toBe(true);
    expect(result.stdout).toContain(`PodGroup default/${GROUP} (gang, minCount 2): Scheduled\n`);
    // The cluster's own pending gang is simulated (it competes) but not reported.
    expect(result.stdout).not.toContain('llm-train-workers');
  });

  it('says why it does not fit on a cluster without GPUs (exit 1), in JSON with the same verdict', async () => {
    const result = await kubectl(cpuCluster, ['simulate', '-f', jobFile, '-o', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as WhatIfReport;
    expect(report.whatIf).toEqual([
      {
        kind: 'Job',
        namespace: 'default',
        name: 'finetune',
        file: jobFile,
        podGroup: GROUP,
        fits: false,
        pods: 2,
        scheduled: 0,
        nodes: [],
        preempts: 0,
        message: `does not fit now: 0/2 pods placed; PodGroup ${GROUP}: pod group is unschedulable, No preemption victims found for incoming preemptor; finetune-0: 0/2 nodes are available: 2 Insufficient nvidia.com/gpu. no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.`,
        notes: [],
      },
    ]);
    expect(report.pods.map((p) => [p.name, p.podGroup, p.outcome])).toEqual([
      ['finetune-0', GROUP, 'Unschedulable'],
      ['finetune-1', GROUP, 'Unschedulable'],
    ]);
  });

  it('gives the same answer on a --snapshot, reads -f from stdin, and --show-all adds the cluster pending pods', async () => {
    const [liveRun, offline] = await Promise.all([
      kubectl(gpuCluster, ['simulate', '-f', jobFile, '-o', 'json']),
      run('kubectl', ['workload', 'simulate', '-f', jobFile, '-o', 'json', '--snapshot', snapshotFile], kubectlEnv(home)),
    ]);
    expect(offline).toEqual(liveRun);
    const piped = await run(
      'sh',
      ['-c', `kubectl workload simulate -f - --snapshot '${snapshotFile}' -o json --show-all < '${jobFile}'`],
      kubectlEnv(home),
    );
    expect(piped.code).toBe(0);
    const report = JSON.parse(piped.stdout) as WhatIfReport;
    expect(report.whatIf[0]).toMatchObject({ file: '<stdin>', fits: true });
    expect(report.podGroups.map((g) => g.name)).toEqual(expect.arrayContaining([GROUP, 'llm-train-workers']));
  });

  it('--write-snapshot keeps the what-if bound, so what-ifs chain: the next Job is scored around it (LeastAllocated)', async () => {
    const after = join(home, 'after.yaml');
    const first = await kubectl(gpuCluster, ['simulate', '-f', jobFile, '--write-snapshot', after]);
    expect(first.code).toBe(0);
    const written = parseObjectsFile(await readFile(after, 'utf8'), after);
    expect(
      written
        .filter((o) => o.kind === 'Pod' && o.metadata?.name?.startsWith('finetune-'))
        .map((o) => (o as { spec?: { nodeName?: string } }).spec?.nodeName),
    ).toEqual(['gpu-a2', 'gpu-a3']);
    const again = await run('kubectl', ['workload', 'simulate', '--snapshot', after, '-f', jobFile], kubectlEnv(home));
    expect(again).toMatchObject({
      code: 2,
      stderr: `error: ${jobFile}: Job default/finetune already exists in the cluster or earlier in -f; -f adds new objects (rename it to ask about another copy)\n`,
    });
    const second = join(home, 'second.yaml');
    await writeFile(second, JOB.replace('name: finetune', 'name: second'));
    const next = await run('kubectl', ['workload', 'simulate', '--snapshot', after, '-f', second, '-o', 'json'], kubectlEnv(home));
    expect(next.code).toBe(0);
    const nodes = (JSON.parse(next.stdout) as WhatIfReport).whatIf[0]?.nodes ?? [];
    expect(nodes.some((n) => n === 'gpu-a2' || n === 'gpu-a3')).toBe(false);
  });

  it('gives a Job that does not qualify for gang scheduling plain pods, and says why (JOB-02)', async () => {
    const plain = join(home, 'plain.yaml');
    await writeFile(plain, JOB.replace('completionMode: Indexed', 'completionMode: NonIndexed'));
    const result = await kubectl(gpuCluster, ['simulate', '-f', plain]);
    expect(result.code).toBe(0);
    expect(
      result.stdout.startsWith(
        'What-if (-f):\n  Job default/finetune (2 pods): fits now: 2/2 pods on gpu-a2, gpu-a3\n    note: not gang-scheduled: JOB-02: spec.completionMode is "NonIndexed" (it must be "Indexed")\n',
      ),
    ).toBe(true);
    expect(result.stdout).toContain('Pods without a PodGroup:');
  });

  it('refuses a Job that already exists, and unreadable -f input, with exit 2 and the file named', async () => {
    const existing = join(home, 'existing.yaml');
    await writeFile(existing, JOB.replace('name: finetune', 'name: training\n  namespace: team-a'));
    const clash = await kubectl(cpuCluster, ['simulate', '-f', existing]);
    expect(clash).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: ${existing}: Job team-a/training already exists in the cluster or earlier in -f; -f adds new objects (rename it to ask about another copy)\n`,
    });
    // -f is read before the cluster: no cluster needed to hear about a wrong path.
    const missing = await run('kubectl', ['workload', 'simulate', '-f', join(home, 'nope.yaml')], kubectlEnv(home));
    expect(missing).toEqual({ code: 2, stdout: '', stderr: `error: ${join(home, 'nope.yaml')}: no such file or directory (-f)\n` });
  });

  it('says a Helm chart directory in -f was skipped, and how to simulate what it renders', async () => {
    const chart = new URL('../../charts/workload-webhook', import.meta.url).pathname;
    const result = await run('kubectl', ['workload', 'simulate', '-f', chart], kubectlEnv(home));
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        `warning: ${chart} is a Helm chart, not manifests: skipped; simulate what it renders: helm template ${chart} | kubectl workload simulate -f -\n` +
        `error: -f ${chart}: no Kubernetes objects found\n`,
    });
  });

  it('reports what the API server would reject instead of simulating it (issue 18 item 15)', async () => {
    const long = join(home, 'long.yaml');
    const name = 'a-very-long-training-job-name-that-goes-past-the-limit-abcdef';
    await writeFile(long, JOB.replace('name: finetune', `name: ${name}`));
    const result = await kubectl(gpuCluster, ['simulate', '-f', long]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      new RegExp(
        `^error: the API server would reject what -f describes, so it was not simulated:\n  ${long}:\\d+:\\d+: X-23 Job default/${name}: metadata.name: Invalid value`,
      ),
    );
  });

  it('never writes to either cluster', () => {
    for (const api of [gpuCluster, cpuCluster]) {
      expect(api.requests.length).toBeGreaterThan(0);
      expect(api.writes()).toEqual([]);
      expect(api.requests.every((r) => r.verb === undefined || r.verb === 'list' || r.verb === 'get' || r.verb === 'watch')).toBe(true);
    }
  });
});
