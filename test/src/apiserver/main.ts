// Runs the test API server standalone for manual testing:
//   node test/dist/apiserver/main.js [--fixtures FILE]... [--sample] [--namespace NS] [--no-scheduling-alpha] [--kube-version 1.36|1.37]
// then `KUBECONFIG=<printed path> kubectl get pods,podgroups.scheduling.k8s.io -A`.

import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseObjectsFile, type KubeObject } from '@kubectl-workload/api';
import { writeKubeconfig } from './kubeconfig.js';
import { sampleClusterObjects } from './sample-cluster.js';
import { KUBERNETES_VERSIONS } from './resources.js';
import { TestApiServer } from './server.js';

async function run(): Promise<void> {
  const { values } = parseArgs({
    options: {
      fixtures: { type: 'string', multiple: true, default: [] },
      sample: { type: 'boolean', default: false },
      namespace: { type: 'string' },
      'no-scheduling-alpha': { type: 'boolean', default: false },
      'kube-version': { type: 'string', default: '1.36' },
    },
  });
  const objects: KubeObject[] = values.sample ? sampleClusterObjects() : [];
  for (const file of values.fixtures) objects.push(...parseObjectsFile(await readFile(file, 'utf8'), file));
  const kubernetesVersion = KUBERNETES_VERSIONS.find((v) => v === values['kube-version']);
  if (!kubernetesVersion) throw new Error(`--kube-version: "${values['kube-version']}" is not one of ${KUBERNETES_VERSIONS.join(', ')}`);
  const server = await TestApiServer.start({ objects, serveSchedulingAlpha: !values['no-scheduling-alpha'], kubernetesVersion });
  const kubeconfig = await writeKubeconfig({ server: server.url, caData: server.caData, token: server.token, namespace: values.namespace });
  process.stdout.write(`serving ${objects.length} objects at ${server.url}\nexport KUBECONFIG=${kubeconfig}\n`);
  const stop = (): void => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

run().catch((err: unknown) => {
  process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
