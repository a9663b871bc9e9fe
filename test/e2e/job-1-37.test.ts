// The v1.37 Job controller (api-rules-1.37 §7.3) through real kubectl against the test API server
// serving scheduling.k8s.io v1beta1: explain job/NAME states the management mode (JOB-02) and the
// 1.37 discovery texts (JOB-10), and simulate -f gives a basic Job the Workload and PodGroup of the
// 1.37 controller, where 1.36 does not (JOB-06..09). Needs `npm run build`.

import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseObjectsFile, type Job, type KubeObject } from '@kubectl-workload/api';
import { TestApiServer, asV1beta1, kubectlEnv, run, writeKubeconfig } from '@kubectl-workload/test';

const EXAMPLE = new URL('../../examples/cluster-snapshot.yaml', import.meta.url);

const jobObject = (name: string, metadata: Record<string, unknown> = {}): Job => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: '2026-11-23T09:00:00Z', ...metadata },
  spec: { parallelism: 2, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'x' }] } } },
});

/**
 * A CronJob's Job (JOB-02 manageNone), a Job whose own Workload has two templates (JOB-10 error), and
 * a JobSet's Workload whose Jobs are delegated (JOB-28).
 */
const EXTRA: KubeObject[] = [
  jobObject('nightly-29000000', {
    ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'nightly', uid: 'uid-cron', controller: true }],
  }),
  jobObject('two-templates'),
  {
    apiVersion: 'scheduling.k8s.io/v1beta1',
    kind: 'Workload',
    metadata: {
      name: 'two-templates-wl',
      namespace: 'default',
      uid: 'uid-wl-two',
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'two-templates', uid: 'uid-two-templates', controller: true }],
    },
    spec: {
      controllerRef: { apiGroup: 'batch', kind: 'Job', name: 'two-templates' },
      podGroupTemplates: [
        { name: 'a', schedulingPolicy: { basic: {} } },
        { name: 'b', schedulingPolicy: { basic: {} } },
      ],
    },
  } as KubeObject,
  {
    apiVersion: 'scheduling.k8s.io/v1beta1',
    kind: 'Workload',
    metadata: { name: 'js', namespace: 'default', uid: 'uid-js' },
    spec: {
      controllerRef: { apiGroup: 'jobset.x-k8s.io', kind: 'JobSet', name: 'js' },
      podGroupTemplates: [{ name: 'workers', schedulingPolicy: { gang: { minCount: 2 } } }],
    },
  } as KubeObject,
];

const BASIC_JOB = `apiVersion: batch/v1
kind: Job
metadata: {name: etl-nightly}
spec:
  parallelism: 2
  template:
    spec:
      restartPolicy: Never
      containers: [{name: main, image: etl:1, resources: {requests: {cpu: '1', memory: 1Gi}}}]
`;

/** A JobSet's Job: its PodGroup comes from the template its annotation names in the owner's Workload (JOB-28). */
const DELEGATED_JOB = BASIC_JOB.replace(
  'metadata: {name: etl-nightly}',
  'metadata:\n  name: js-workers-0\n  annotations: {scheduling.k8s.io/group-template-name: workers}\n  ownerReferences: [{apiVersion: jobset.x-k8s.io/v1alpha2, kind: JobSet, name: js, uid: uid-jobset, controller: true}]',
);

let server: TestApiServer;
let home: string;
let kubeconfig: string;
let jobFile: string;

beforeAll(async () => {
  const objects = parseObjectsFile(await readFile(EXAMPLE, 'utf8'), 'cluster-snapshot.yaml').map(asV1beta1);
  server = await TestApiServer.start({ objects: [...objects, ...EXTRA], kubernetesVersion: '1.37' });
  home = await mkdtemp(join(tmpdir(), 'job-1-37-e2e-'));
  kubeconfig = await writeKubeconfig({ server: server.url, caData: server.caData, token: server.token, dir: home });
  jobFile = join(home, 'job.yaml');
  await writeFile(jobFile, BASIC_JOB);
  await writeFile(join(home, 'delegated.yaml'), DELEGATED_JOB);
});
afterAll(() => server.close());

const workload = (...args: string[]) => run('kubectl', ['workload', ...args], kubectlEnv(home, kubeconfig));

interface Link {
  link: string;
  status: string;
  summary: string;
  details: string[];
  refs: string[];
}

async function explainLinks(target: string): Promise<Link[]> {
  const result = await workload('explain', target, '-o', 'json');
  expect(result.stderr).toBe('');
  return (JSON.parse(result.stdout) as { links: Link[] }).links;
}

describe('the v1.37 Job controller on a 1.37 cluster', () => {
  it('explain: a CronJob-owned Job is manageNone (JOB-02), not a 1.36 qualification failure', async () => {
    const [job] = await explainLinks('job/nightly-29000000');
    expect(job).toMatchObject({
      link: 'job',
      status: 'broken',
      summary:
        'Job default/nightly-29000000 is controlled by CronJob "nightly": the v1.37 Job controller leaves its scheduling to the owner (manageNone), creates no Workload or PodGroup, and its pods are scheduled one by one',
      refs: ['JOB-02', 'JOB-13'],
    });
  });

  it('explain: a root Job whose Workload has two templates gets the JOB-10 error text', async () => {
    const links = await explainLinks('job/two-templates');
    expect(links.map((l) => `${l.link}:${l.status}`)).toEqual(['job:ok', 'workload:broken']);
    expect(links[0]?.summary).toBe(
      'Job default/two-templates is a root Job: the v1.37 Job controller gives it a Workload and a PodGroup (manageBoth, basic)',
    );
    expect(links[1]?.summary).toBe(
      'workload default/two-templates-wl for job default/two-templates has 2 PodGroupTemplates, want exactly 1',
    );
  });

  it('simulate -f: a basic Job gets a PodGroup from the 1.37 Job controller and none under --kube-version 1.36', async () => {
    type Report = { whatIf: { name: string; podGroup: string | null; notes: string[] }[]; podGroups: { name: string }[] };
    const v137 = await workload('simulate', '-f', jobFile, '-o', 'json');
    expect(v137.stderr).toBe('');
    const report137 = JSON.parse(v137.stdout) as Report;
    expect(report137.whatIf[0]).toMatchObject({ name: 'etl-nightly', notes: [] });
    expect(report137.whatIf[0]?.podGroup).toMatch(/^etl-nightly-[4-9b-df]+-etl-nightly-pgt-0-[4-9b-df]+$/);
    expect(report137.podGroups.map((g) => g.name)).toContain(report137.whatIf[0]?.podGroup);

    const v136 = await workload('simulate', '-f', jobFile, '--kube-version', '1.36', '-o', 'json');
    const report136 = JSON.parse(v136.stdout) as Report;
    expect(report136.whatIf[0]).toMatchObject({
      name: 'etl-nightly',
      podGroup: null,
      notes: [
        'not gang-scheduled: JOB-02: spec.completionMode is not set (it must be "Indexed")',
        'not gang-scheduled: JOB-02: spec.completions is not set (it must equal spec.parallelism)',
      ],
    });
    expect(server.writes()).toEqual([]);
  });

  it("simulate -f: a delegated Job gets its PodGroup from its owner's Workload in the cluster (JOB-28)", async () => {
    type Report = { whatIf: { name: string; podGroup: string | null; notes: string[] }[] };
    const result = await workload('simulate', '-f', join(home, 'delegated.yaml'), '-o', 'json');
    expect(result.stderr).toBe('');
    const [unit] = (JSON.parse(result.stdout) as Report).whatIf;
    expect(unit).toMatchObject({ name: 'js-workers-0', notes: [] });
    expect(unit?.podGroup).toMatch(/^js-workers-[0-9a-z]+$/);
  });
});
