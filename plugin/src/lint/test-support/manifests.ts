// Small manifests and a scratch directory for lint tests.

import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export function workloadYaml(name: string, templates: string): string {
  return `apiVersion: scheduling.k8s.io/v1alpha2
kind: Workload
metadata:
  name: ${name}
spec:
  podGroupTemplates:${templates}
`;
}

export const GANG_TEMPLATE = `
    - name: workers
      schedulingPolicy:
        gang:
          minCount: 4`;

export function podYaml(name: string, podGroupName: string): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: team-a
spec:
  schedulingGroup:
    podGroupName: ${podGroupName}
  containers:
    - name: main
      image: busybox
`;
}

/** Writes `files` (relative path → text) under a new temporary directory and returns it. */
export function scratchDir(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'lint-test-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
