// Renders every way to install the webhook — each kustomize target under manifests/ with the real
// `kubectl kustomize`, and the Helm chart with the repo's pinned helm — and checks the deployment
// conventions (ecosystem.md §B2) on all of them: least privilege, hardened pods, fail-open
// Pods/Jobs, fail-closed Workloads/PodGroups, short timeouts, and certificates wired end to end.

import { execFileSync } from 'node:child_process';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resourceOf } from '@kubectl-workload/api';
import { LOOKUP_KINDS } from '@kubectl-workload/cluster';
import { manifestsDir as manifests, NAMESPACE, one, renderChart, renderKustomize as render, webhooksOf } from './chart-render.js';
import type { Obj } from './chart-render.js';

const SERVICE_HOST = `workload-webhook.${NAMESPACE}.svc`;
const CLUSTER_SCOPED = ['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration'];

/**
 * A copy of manifests/ (the repo keeps no keys) where the self-signed overlay's script ran, plus an
 * overlay that adds every component, as an operator would.
 */
const manifestsCopy = (() => {
  let dir: string | undefined;
  return (): string => {
    if (!dir) {
      dir = join(mkdtempSync(join(tmpdir(), 'manifests-')), 'manifests');
      cpSync(manifests, dir, { recursive: true, filter: (src) => !src.includes('/certs') });
      execFileSync('bash', [join(dir, 'overlays/self-signed/generate-certificate.sh')], { encoding: 'utf8' });
      mkdirSync(join(dir, 'overlays/all-components'));
      writeFileSync(
        join(dir, 'overlays/all-components/kustomization.yaml'),
        'resources: [../cert-manager]\ncomponents: [../../components/network-policy, ../../components/monitoring]\n',
      );
    }
    return dir;
  };
})();

const ALL_TOGGLES = { networkPolicy: { enabled: true }, serviceMonitor: { enabled: true }, prometheusRule: { enabled: true } };

const targets: Array<[string, () => Obj[]]> = [
  ['kubectl kustomize base', () => render(join(manifests, 'base'))],
  ['kubectl kustomize overlays/cert-manager', () => render(join(manifests, 'overlays/cert-manager'))],
  ['kubectl kustomize overlays/self-signed', () => render(join(manifestsCopy(), 'overlays/self-signed'))],
  ['kubectl kustomize cert-manager + components', () => render(join(manifestsCopy(), 'overlays/all-components'))],
  ['helm template (default values)', () => renderChart()],
  ['helm template certificates.mode=cert-manager', () => renderChart({ certificates: { mode: 'cert-manager' } })],
  ['helm template with every toggle on', () => renderChart(ALL_TOGGLES)],
];

describe.each(targets)('%s', (name, renderTarget) => {
  let objects: Obj[];
  beforeAll(() => {
    objects = renderTarget();
  });

  it('puts every namespaced object in the webhook namespace', () => {
    // helm install --create-namespace makes the namespace; kustomize ships it.
    if (name.startsWith('kubectl')) expect(one(objects, 'Namespace').metadata.name).toBe(NAMESPACE);
    for (const o of objects.filter((x) => !CLUSTER_SCOPED.includes(x.kind))) {
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
    expect(binding.subjects).toEqual([
      { kind: 'ServiceAccount', name: one(objects, 'ServiceAccount').metadata.name, namespace: NAMESPACE },
    ]);
  });

  it('runs 2 hardened, spread, probed and bounded replicas', () => {
    const deployment = one(objects, 'Deployment');
    const pod = deployment.spec.template.spec;
    const [container] = pod.containers;
    expect(deployment.spec.replicas).toBe(2);
    expect(pod.topologySpreadConstraints.map((t: Obj) => t.topologyKey)).toEqual(['kubernetes.io/hostname', 'topology.kubernetes.io/zone']);
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(container.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
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
    const webhooks = webhooksOf(objects);
    expect(webhooks).toHaveLength(4);
    for (const w of webhooks) {
      expect(w.admissionReviewVersions).toEqual(['v1']);
      expect(w.sideEffects).toBe('None');
      expect(w.timeoutSeconds).toBeLessThanOrEqual(5);
      expect(w.clientConfig.service).toMatchObject({ name: one(objects, 'Service').metadata.name, namespace: NAMESPACE, port: 443 });
      expect(w.namespaceSelector.matchExpressions).toEqual([
        { key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['kube-system', NAMESPACE] },
      ]);
    }
  });

  it('fails closed for Workloads/PodGroups, open for Pods and Jobs, which only matching objects reach', () => {
    const [scheduling, pods, jobs] = one(objects, 'ValidatingWebhookConfiguration').webhooks as Obj[];
    expect(scheduling?.failurePolicy).toBe('Fail');
    expect(scheduling?.clientConfig.service.path).toBe('/validate');
    // Kubernetes 1.36 serves v1alpha2; 1.37 v1beta1 and v1alpha3, CompositePodGroups in v1alpha3 only.
    const versions = ['v1alpha2', 'v1beta1', 'v1alpha3'];
    expect(scheduling?.rules).toEqual([
      {
        apiGroups: ['scheduling.k8s.io'],
        apiVersions: versions,
        resources: ['workloads', 'podgroups', 'podgroups/status'],
        operations: ['CREATE', 'UPDATE'],
        scope: 'Namespaced',
      },
      {
        apiGroups: ['scheduling.k8s.io'],
        apiVersions: ['v1alpha3'],
        resources: ['compositepodgroups'],
        operations: ['CREATE', 'UPDATE', 'DELETE'],
        scope: 'Namespaced',
      },
      { apiGroups: ['scheduling.k8s.io'], apiVersions: versions, resources: ['workloads'], operations: ['DELETE'], scope: 'Namespaced' },
    ]);
    expect(pods).toMatchObject({ failurePolicy: 'Ignore', rules: [{ apiGroups: [''], resources: ['pods'] }] });
    expect(pods?.matchConditions).toEqual([{ name: 'in-a-pod-group', expression: 'has(object.spec.schedulingGroup)' }]);
    expect(jobs).toMatchObject({ failurePolicy: 'Ignore', rules: [{ apiGroups: ['batch'], resources: ['jobs'] }] });
    expect(jobs?.matchConditions[0].expression).toBe(
      "(has(object.spec.completionMode) && object.spec.completionMode == 'Indexed') || has(object.spec.template.spec.schedulingGroup)",
    );
    const [mutating] = one(objects, 'MutatingWebhookConfiguration').webhooks as Obj[];
    expect(mutating).toMatchObject({
      failurePolicy: 'Fail',
      reinvocationPolicy: 'IfNeeded',
      clientConfig: { service: { path: '/mutate' } },
    });
    expect(mutating?.rules).toEqual([
      { apiGroups: ['scheduling.k8s.io'], apiVersions: versions, resources: ['podgroups'], operations: ['CREATE'], scope: 'Namespaced' },
    ]);
    // From a template in either shape: 1.36 spec.podGroupTemplateRef.workload, 1.37 spec.workloadRef.
    expect(mutating?.matchConditions).toEqual([
      {
        name: 'from-a-template',
        expression:
          '(has(object.spec.podGroupTemplateRef) && has(object.spec.podGroupTemplateRef.workload)) || (has(object.spec.workloadRef) && has(object.spec.workloadRef.templateName))',
      },
    ]);
  });
});

describe.each<[string, () => Obj[]]>([
  ['kustomize overlays/cert-manager', () => render(join(manifests, 'overlays/cert-manager'))],
  ['helm certificates.mode=cert-manager', () => renderChart({ certificates: { mode: 'cert-manager' } })],
])('certificates: %s', (_name, renderTarget) => {
  it('the Certificate fills the mounted Secret and its CA is injected into both configurations', () => {
    const objects = renderTarget();
    const certificates = objects.filter((o) => o.kind === 'Certificate');
    const certificate = certificates.find((c) => c.spec.secretName === 'workload-webhook-tls') as Obj;
    expect(certificate.spec.dnsNames).toContain(SERVICE_HOST);
    // Signed by a CA Issuer whose CA a self-signed Issuer made: renewals keep the trusted CA.
    const issuer = one(objects, 'Issuer', certificate.spec.issuerRef.name);
    const ca = certificates.find((c) => c.spec.secretName === issuer.spec.ca?.secretName) as Obj;
    expect(ca.spec.isCA).toBe(true);
    expect(one(objects, 'Issuer', ca.spec.issuerRef.name).spec).toEqual({ selfSigned: {} });
    const injectFrom = `${NAMESPACE}/${certificate.metadata.name}`;
    expect(one(objects, 'ValidatingWebhookConfiguration').metadata.annotations['cert-manager.io/inject-ca-from']).toBe(injectFrom);
    expect(one(objects, 'MutatingWebhookConfiguration').metadata.annotations['cert-manager.io/inject-ca-from']).toBe(injectFrom);
    for (const w of webhooksOf(objects)) expect(w.clientConfig.caBundle).toBeUndefined();
  });
});

describe.each<[string, () => Obj[]]>([
  ['kustomize overlays/self-signed', () => render(join(manifestsCopy(), 'overlays/self-signed'))],
  ['helm certificates.mode=self-signed', () => renderChart({ certificates: { mode: 'self-signed' } })],
])('certificates: %s', (name, renderTarget) => {
  it('a serving certificate for the Service, signed by the CA in its Secret, and caBundle is that CA everywhere', () => {
    const objects = renderTarget();
    const secret = one(objects, 'Secret', 'workload-webhook-tls');
    expect(secret.type).toBe('kubernetes.io/tls');
    const ca = Buffer.from(secret.data['ca.crt'], 'base64').toString('utf8');
    if (name.startsWith('kustomize')) expect(ca).toBe(readFileSync(join(manifestsCopy(), 'overlays/self-signed/certs/ca.crt'), 'utf8'));
    const serving = new X509Certificate(Buffer.from(secret.data['tls.crt'], 'base64'));
    expect(serving.verify(new X509Certificate(ca).publicKey)).toBe(true);
    expect(serving.checkHost(SERVICE_HOST)).toBe(SERVICE_HOST);
    expect(serving.checkPrivateKey(createPrivateKey(Buffer.from(secret.data['tls.key'], 'base64')))).toBe(true);
    for (const w of webhooksOf(objects)) expect(Buffer.from(w.clientConfig.caBundle, 'base64').toString('utf8')).toBe(ca);
  });
});
