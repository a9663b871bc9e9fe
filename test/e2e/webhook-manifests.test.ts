// Renders every kustomize target under manifests/ with the real `kubectl kustomize` and checks the
// deployment conventions (ecosystem.md §B2): least privilege, hardened pods, fail-open Pods/Jobs,
// fail-closed Workloads/PodGroups, short timeouts, and certificates wired end to end.

import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resourceOf } from '@kubectl-workload/api';
import { LOOKUP_KINDS } from '@kubectl-workload/cluster';
import { parseAllDocuments } from 'yaml';

const manifests = fileURLToPath(new URL('../../manifests/', import.meta.url));
const NAMESPACE = 'workload-webhook-system';
const SERVICE_HOST = `workload-webhook.${NAMESPACE}.svc`;

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- rendered YAML, checked field by field

function render(dir: string): Obj[] {
  const text = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8' });
  return parseAllDocuments(text).map((doc) => doc.toJS() as Obj);
}

function one(objects: Obj[], kind: string): Obj {
  const found = objects.filter((o) => o.kind === kind);
  expect(found).toHaveLength(1);
  return found[0] as Obj;
}

/** The self-signed overlay after its script ran, in a copy of manifests/ (the repo keeps no keys). */
const selfSignedCopy = (() => {
  let dir: string | undefined;
  return (): string => {
    if (!dir) {
      dir = join(mkdtempSync(join(tmpdir(), 'manifests-')), 'manifests');
      cpSync(manifests, dir, { recursive: true, filter: (src) => !src.includes('/certs') });
      execFileSync('bash', [join(dir, 'overlays/self-signed/generate-certificate.sh')], { encoding: 'utf8' });
    }
    return dir;
  };
})();

const targets: Array<[string, () => string]> = [
  ['base', () => join(manifests, 'base')],
  ['overlays/cert-manager', () => join(manifests, 'overlays/cert-manager')],
  ['overlays/self-signed', () => join(selfSignedCopy(), 'overlays/self-signed')],
];

describe.each(targets)('kubectl kustomize %s', (_name, dir) => {
  let objects: Obj[];
  beforeAll(() => {
    objects = render(dir());
  });

  it('puts every namespaced object in the webhook namespace', () => {
    expect(one(objects, 'Namespace').metadata.name).toBe(NAMESPACE);
    for (const o of objects.filter((x) => !['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration'].includes(x.kind))) {
      expect([o.kind, o.metadata.namespace]).toEqual([o.kind, NAMESPACE]);
    }
  });

  it('grants only get/list/watch, on exactly what the lookups read', () => {
    const role = one(objects, 'ClusterRole');
    const granted = role.rules.flatMap((r: Obj) => r.apiGroups.flatMap((g: string) => r.resources.map((res: string) => `${res}.${g}`)));
    const needed = LOOKUP_KINDS.map((kind) => {
      const { group, resource } = resourceOf(kind);
      return `${resource}.${group}`;
    });
    expect(granted.sort()).toEqual(needed.sort());
    for (const r of role.rules) expect(r.verbs).toEqual(['get', 'list', 'watch']);
    const binding = one(objects, 'ClusterRoleBinding');
    expect(binding.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role.metadata.name });
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: one(objects, 'ServiceAccount').metadata.name, namespace: NAMESPACE }]);
  });

  it('runs 2 hardened, spread, probed and bounded replicas', () => {
    const deployment = one(objects, 'Deployment');
    const pod = deployment.spec.template.spec;
    const [container] = pod.containers;
    expect(deployment.spec.replicas).toBe(2);
    expect(pod.topologySpreadConstraints.map((t: Obj) => t.topologyKey)).toEqual(['kubernetes.io/hostname', 'topology.kubernetes.io/zone']);
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(container.securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'https', scheme: 'HTTPS' });
    expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'https', scheme: 'HTTPS' });
    expect(Object.keys(container.resources.requests)).toEqual(['cpu', 'memory']);
    expect(Object.keys(container.resources.limits)).toEqual(['cpu', 'memory']);
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(10);
    expect(pod.serviceAccountName).toBe(one(objects, 'ServiceAccount').metadata.name);
  });

  it('mounts every file the webhook flags name, from the objects that provide them', () => {
    const pod = one(objects, 'Deployment').spec.template.spec;
    const [container] = pod.containers;
    const mountOf = (path: string): Obj => {
      const mount = container.volumeMounts.find((m: Obj) => path.startsWith(`${m.mountPath}/`));
      expect(mount).toBeDefined();
      return pod.volumes.find((v: Obj) => v.name === mount.name);
    };
    const flag = (name: string): string => (container.args.find((a: string) => a.startsWith(`--${name}=`)) ?? '').split('=')[1];
    expect(mountOf(flag('tls-cert-file')).secret.secretName).toBe('workload-webhook-tls');
    expect(mountOf(flag('tls-private-key-file')).secret.secretName).toBe('workload-webhook-tls');
    for (const name of ['kubeconfig', 'config']) {
      const configMap = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === mountOf(flag(name)).configMap.name);
      expect(configMap?.data[flag(name).split('/').pop() as string]).toBeDefined();
    }
  });

  it('keeps one replica through voluntary disruptions and serves 443 → https', () => {
    const labels = one(objects, 'Deployment').spec.template.metadata.labels;
    const pdb = one(objects, 'PodDisruptionBudget');
    expect(pdb.spec.minAvailable).toBe(1);
    expect(labels).toMatchObject(pdb.spec.selector.matchLabels);
    const service = one(objects, 'Service');
    expect(labels).toMatchObject(service.spec.selector);
    expect(service.spec.ports).toEqual([{ name: 'https', port: 443, targetPort: 'https' }]);
  });

  it('registers v1-only, side-effect-free webhooks with short timeouts, never for kube-system or itself', () => {
    const webhooks = [...one(objects, 'ValidatingWebhookConfiguration').webhooks, ...one(objects, 'MutatingWebhookConfiguration').webhooks];
    expect(webhooks).toHaveLength(4);
    for (const w of webhooks) {
      expect(w.admissionReviewVersions).toEqual(['v1']);
      expect(w.sideEffects).toBe('None');
      expect(w.timeoutSeconds).toBeLessThanOrEqual(5);
      expect(w.clientConfig.service).toMatchObject({ name: one(objects, 'Service').metadata.name, namespace: NAMESPACE, port: 443 });
      expect(w.namespaceSelector.matchExpressions).toEqual([{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['kube-system', NAMESPACE] }]);
    }
  });

  it('fails closed for Workloads/PodGroups, open for Pods and Jobs, which only matching objects reach', () => {
    const [scheduling, pods, jobs] = one(objects, 'ValidatingWebhookConfiguration').webhooks as Obj[];
    expect(scheduling?.failurePolicy).toBe('Fail');
    expect(scheduling?.clientConfig.service.path).toBe('/validate');
    expect(scheduling?.rules).toEqual([
      { apiGroups: ['scheduling.k8s.io'], apiVersions: ['v1alpha2'], resources: ['workloads', 'podgroups', 'podgroups/status'], operations: ['CREATE', 'UPDATE'], scope: 'Namespaced' },
      { apiGroups: ['scheduling.k8s.io'], apiVersions: ['v1alpha2'], resources: ['workloads'], operations: ['DELETE'], scope: 'Namespaced' },
    ]);
    expect(pods).toMatchObject({ failurePolicy: 'Ignore', rules: [{ apiGroups: [''], resources: ['pods'] }] });
    expect(pods?.matchConditions).toEqual([{ name: 'in-a-pod-group', expression: 'has(object.spec.schedulingGroup)' }]);
    expect(jobs).toMatchObject({ failurePolicy: 'Ignore', rules: [{ apiGroups: ['batch'], resources: ['jobs'] }] });
    expect(jobs?.matchConditions[0].expression).toBe(
      "(has(object.spec.completionMode) && object.spec.completionMode == 'Indexed') || has(object.spec.template.spec.schedulingGroup)",
    );
    const [mutating] = one(objects, 'MutatingWebhookConfiguration').webhooks as Obj[];
    expect(mutating).toMatchObject({ failurePolicy: 'Fail', reinvocationPolicy: 'IfNeeded', clientConfig: { service: { path: '/mutate' } } });
    expect(mutating?.rules).toEqual([{ apiGroups: ['scheduling.k8s.io'], apiVersions: ['v1alpha2'], resources: ['podgroups'], operations: ['CREATE'], scope: 'Namespaced' }]);
  });
});

describe('certificates', () => {
  it('cert-manager: the Certificate fills the mounted Secret and its CA is injected into both configurations', () => {
    const objects = render(join(manifests, 'overlays/cert-manager'));
    const certificate = one(objects, 'Certificate');
    expect(certificate.spec.secretName).toBe('workload-webhook-tls');
    expect(certificate.spec.dnsNames).toContain(SERVICE_HOST);
    expect(objects.find((o) => o.kind === 'Issuer' && o.metadata.name === certificate.spec.issuerRef.name)).toBeDefined();
    const injectFrom = `${NAMESPACE}/${certificate.metadata.name}`;
    expect(one(objects, 'ValidatingWebhookConfiguration').metadata.annotations['cert-manager.io/inject-ca-from']).toBe(injectFrom);
    expect(one(objects, 'MutatingWebhookConfiguration').metadata.annotations['cert-manager.io/inject-ca-from']).toBe(injectFrom);
  });

  it('self-signed: the script signs a serving certificate for the Service, and caBundle is its CA everywhere', () => {
    const dir = selfSignedCopy();
    const objects = render(join(dir, 'overlays/self-signed'));
    const ca = readFileSync(join(dir, 'overlays/self-signed/certs/ca.crt'), 'utf8');
    const secret = objects.find((o) => o.kind === 'Secret' && o.metadata.name === 'workload-webhook-tls') as Obj;
    expect(secret.type).toBe('kubernetes.io/tls');
    const serving = new X509Certificate(Buffer.from(secret.data['tls.crt'], 'base64'));
    expect(serving.verify(new X509Certificate(ca).publicKey)).toBe(true);
    expect(serving.checkHost(SERVICE_HOST)).toBe(SERVICE_HOST);
    const webhooks = [...one(objects, 'ValidatingWebhookConfiguration').webhooks, ...one(objects, 'MutatingWebhookConfiguration').webhooks];
    for (const w of webhooks) expect(Buffer.from(w.clientConfig.caBundle, 'base64').toString('utf8')).toBe(ca);
  });
});
