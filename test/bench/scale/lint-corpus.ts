// The lint corpora of the scale benchmark, written as multi-document YAML files of 250 objects:
//   - resolving: Workload, PodGroup and Pod thirds, every reference resolving (no cross-object
//     findings), in one namespace or spread over many;
//   - dangling: Workload, PodGroup and Pod thirds whose PodGroups name Workloads and whose Pods name
//     PodGroups that do not exist (X-01 and X-15: one finding per PodGroup and per Pod).

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PER_FILE = 250;

function workload(i: number, ns: string): string {
  return `apiVersion: scheduling.k8s.io/v1alpha2
kind: Workload
metadata:
  name: train-${i}
  namespace: ${ns}
spec:
  podGroupTemplates:
    - name: workers
      schedulingPolicy:
        gang:
          minCount: 1
`;
}

function podGroup(i: number, ns: string, workloadName: string): string {
  return `apiVersion: scheduling.k8s.io/v1alpha2
kind: PodGroup
metadata:
  name: train-${i}-workers
  namespace: ${ns}
spec:
  podGroupTemplateRef:
    workload:
      workloadName: ${workloadName}
      podGroupTemplateName: workers
  schedulingPolicy:
    gang:
      minCount: 1
`;
}

function pod(i: number, ns: string, podGroupName: string): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: train-${i}-worker
  namespace: ${ns}
spec:
  schedulingGroup:
    podGroupName: ${podGroupName}
  restartPolicy: Never
  containers:
    - name: main
      image: registry.example.com/ml/trainer:2.4.1
      resources:
        requests:
          cpu: "4"
          memory: 16Gi
`;
}

/** Object `k` of the corpus: triple k/3 in namespace (k/3) mod `namespaces`. */
function resource(k: number, namespaces: number, dangling: boolean): string {
  const i = Math.floor(k / 3);
  const ns = `team-${i % namespaces}`;
  switch (k % 3) {
    case 0:
      return workload(i, ns);
    case 1:
      return podGroup(i, ns, dangling ? `gone-${i}` : `train-${i}`);
    default:
      return pod(i, ns, dangling ? `gone-${i}-workers` : `train-${i}-workers`);
  }
}

/** Writes `total` objects under `dir`; returns the number of files. */
export function writeLintCorpus(dir: string, total: number, namespaces: number, dangling: boolean): number {
  mkdirSync(dir, { recursive: true });
  let files = 0;
  for (let start = 0; start < total; start += PER_FILE) {
    const docs = [];
    for (let k = start; k < Math.min(start + PER_FILE, total); k++) docs.push(resource(k, namespaces, dangling));
    writeFileSync(join(dir, `manifests-${files}.yaml`), docs.join('---\n'));
    files++;
  }
  return files;
}
