// The Helm chart charts/workload-webhook, rendered by the repo's pinned helm: lint, the values
// schema (a wrong key or type stops `helm install` naming it), what each value changes, agreement
// with the kustomize base, and alert rules that only name metrics the webhook registers.
// The deployment conventions shared with kustomize are asserted in webhook-manifests.test.ts.

import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ALL_FEATURE_GATES, parseFeatureGatesByVersion } from '@kubectl-workload/api';
import { ALL_RULES, parseSeverityConfig } from '@kubectl-workload/rules';
import { parse } from 'yaml';
import { valuesSchema } from '../../scripts/chart-values-schema.ts';
import {
  chartDir,
  helm,
  helmRender,
  manifestsDir,
  NAMESPACE,
  one,
  renderChart,
  renderKustomize,
  valuesFile,
  webhooksOf,
} from './chart-render.js';
import type { Obj } from './chart-render.js';

const schema = JSON.parse(readFileSync(join(chartDir, 'values.schema.json'), 'utf8')) as Obj;
const defaults = parse(readFileSync(join(chartDir, 'values.yaml'), 'utf8')) as Obj;

function container(objects: Obj[]): Obj {
  return one(objects, 'Deployment').spec.template.spec.containers[0];
}

function flag(objects: Obj[], name: string): string | undefined {
  const arg = (container(objects).args as string[]).find((a) => a.startsWith(`--${name}=`));
  return arg?.slice(name.length + 3);
}

describe('helm lint', () => {
  it.each<[string, Obj]>([
    ['default values', {}],
    [
      'cert-manager with every toggle on',
      {
        certificates: { mode: 'cert-manager' },
        networkPolicy: { enabled: true },
        serviceMonitor: { enabled: true },
        prometheusRule: { enabled: true },
      },
    ],
    ['existing-secret', { certificates: { mode: 'existing-secret', existingSecret: { name: 'tls', caBundle: 'x' } } }],
    // An umbrella chart passes its globals to every subchart.
    ["an umbrella chart's globals", { global: { imageRegistry: 'mirror.example' } }],
  ])('passes --strict with %s', (_name, values) => {
    const result = helm(['lint', '--strict', chartDir, '--namespace', NAMESPACE, '--values', valuesFile(values)]);
    expect(result.stdout + result.stderr).toContain('1 chart(s) linted, 0 chart(s) failed');
    expect(result.status).toBe(0);
  });
});

describe('values.schema.json', () => {
  it.each<[string, Obj, string]>([
    ['an unknown top-level key', { replica: 3 }, "at '': additional properties 'replica' not allowed"],
    [
      'an unknown nested key',
      { webhooks: { pods: { timeoutSecond: 3 } } },
      "at '/webhooks/pods': additional properties 'timeoutSecond' not allowed",
    ],
    ['a wrong type', { replicas: 'two' }, "at '/replicas': got string, want integer"],
    ['a boolean as a string', { networkPolicy: { enabled: 'yes' } }, "at '/networkPolicy/enabled': got string, want boolean"],
    [
      'a failurePolicy in the wrong case',
      { webhooks: { scheduling: { failurePolicy: 'fail' } } },
      "at '/webhooks/scheduling/failurePolicy': value must be one of 'Fail', 'Ignore'",
    ],
    [
      'a timeout past the API server maximum',
      { webhooks: { jobs: { timeoutSeconds: 31 } } },
      "at '/webhooks/jobs/timeoutSeconds': maximum: got 31, want 30",
    ],
    [
      'an unknown certificates.mode',
      { certificates: { mode: 'vault' } },
      "at '/certificates/mode': value must be one of 'cert-manager', 'self-signed', 'existing-secret'",
    ],
    ['an unknown rule id', { rules: { 'X-99': 'deny' } }, "at '/rules': additional properties 'X-99' not allowed"],
    ['an unknown rule action', { rules: { 'X-15': 'block' } }, "at '/rules/X-15': value must be one of 'deny', 'warn', 'off'"],
    [
      'an unknown feature gate',
      { featureGates: { GangSchedulng: false } },
      "at '/featureGates': additional properties 'GangSchedulng' not allowed",
    ],
    ['a digest that is not sha256', { image: { digest: 'latest' } }, "at '/image/digest'"],
    ['an unknown log level', { logLevel: 'verbose' }, "at '/logLevel': value must be one of 'debug', 'info', 'warn', 'error'"],
    ['a discovery interval that is not a duration', { discoveryInterval: '60' }, "at '/discoveryInterval': '60' does not match pattern"],
    ['an unknown Kubernetes version', { kubeVersion: '1.35' }, "at '/kubeVersion': value must be one of '', '1.36', '1.37'"],
  ])('stops helm install on %s, naming the key', (_name, values, message) => {
    const result = helmRender(values, { command: 'install' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("values don't meet the specifications of the schema(s)");
    expect(result.stderr).toContain(message);
  });

  it('accepts the default values, and helm install --dry-run renders them', () => {
    const result = helmRender({}, { command: 'install' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('kind: ValidatingWebhookConfiguration');
  });

  it('is what scripts/chart-values-schema.ts generates (run it after adding a rule or a gate)', () => {
    expect(schema).toEqual(valuesSchema());
  });

  it('knows exactly the rule ids --config and the gates --feature-gates accept', () => {
    // --config takes the id of any rule, --feature-gates any gate, of either Kubernetes version.
    expect(Object.keys(schema.properties.rules.properties).sort()).toEqual([...new Set(ALL_RULES.map((r) => r.id))].sort());
    expect(Object.keys(schema.properties.featureGates.properties).sort()).toEqual([...ALL_FEATURE_GATES].sort());
  });

  it('has a default in values.yaml for every key it describes, except the optional ones', () => {
    const OPTIONAL = [
      'global',
      'resources.claims',
      'certificates.certManager.issuerRef.name',
      'certificates.certManager.issuerRef.kind',
      'certificates.certManager.issuerRef.group',
    ];
    const undocumented = (value: Obj, node: Obj, path: string[]): string[] => {
      if (node.additionalProperties !== false || path[0] === 'rules' || path[0] === 'featureGates') return [];
      return Object.entries(node.properties as Obj).flatMap(([key, child]) =>
        value !== null && typeof value === 'object' && key in value
          ? undocumented(value[key], child, [...path, key])
          : [[...path, key].join('.')],
      );
    };
    expect(undocumented(defaults, schema, []).filter((key) => !OPTIONAL.includes(key))).toEqual([]);
  });
});

describe('values', () => {
  it('image: registry/repository:tag, appVersion by default, pinned by digest', () => {
    const chart = parse(readFileSync(join(chartDir, 'Chart.yaml'), 'utf8')) as Obj;
    expect(container(renderChart()).image).toBe(`ghcr.io/kubectl-workload/workload-webhook:${chart.appVersion}`);
    const digest = `sha256:${'a'.repeat(64)}`;
    const objects = renderChart({
      image: { registry: 'registry.example:5000', repository: 'team/webhook', tag: 'v2', digest, pullPolicy: 'Always' },
      imagePullSecrets: [{ name: 'pull' }],
    });
    expect(container(objects)).toMatchObject({ image: `registry.example:5000/team/webhook:v2@${digest}`, imagePullPolicy: 'Always' });
    expect(one(objects, 'Deployment').spec.template.spec.imagePullSecrets).toEqual([{ name: 'pull' }]);
    expect(container(renderChart({ image: { registry: '' } })).image).toBe(`kubectl-workload/workload-webhook:${chart.appVersion}`);
  });

  it('replicas, resources and scheduling constraints reach the pod', () => {
    const tolerations = [{ key: 'dedicated', operator: 'Equal', value: 'control', effect: 'NoSchedule' }];
    const affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: 'pool', operator: 'In', values: ['system'] }] }],
        },
      },
    };
    const spread = [
      { maxSkew: 2, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { x: 'y' } } },
    ];
    const resources = { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '2', memory: '256Mi' } };
    const objects = renderChart({
      replicas: 3,
      resources,
      nodeSelector: { pool: 'system' },
      tolerations,
      affinity,
      topologySpreadConstraints: spread,
      podLabels: { team: 'ml' },
      podAnnotations: { 'example.com/owner': 'platform' },
    });
    const deployment = one(objects, 'Deployment');
    expect(deployment.spec.replicas).toBe(3);
    expect(deployment.spec.template.metadata.labels).toMatchObject({ team: 'ml', ...deployment.spec.selector.matchLabels });
    expect(deployment.spec.selector.matchLabels.team).toBeUndefined();
    expect(deployment.spec.template.metadata.annotations['example.com/owner']).toBe('platform');
    expect(deployment.spec.template.spec).toMatchObject({
      nodeSelector: { pool: 'system' },
      tolerations,
      affinity,
      topologySpreadConstraints: spread,
    });
    expect(container(objects).resources).toEqual(resources);
    expect(one(renderChart({ topologySpreadConstraints: [] }), 'Deployment').spec.template.spec.topologySpreadConstraints).toBeUndefined();
  });

  it('podDisruptionBudget: minAvailable or maxUnavailable, off, and never both', () => {
    expect(
      one(renderChart({ podDisruptionBudget: { enabled: true, minAvailable: null, maxUnavailable: '50%' } }), 'PodDisruptionBudget').spec,
    ).toMatchObject({ maxUnavailable: '50%' });
    expect(renderChart({ podDisruptionBudget: { enabled: false } }).filter((o) => o.kind === 'PodDisruptionBudget')).toEqual([]);
    const both = helmRender({ podDisruptionBudget: { enabled: true, minAvailable: 1, maxUnavailable: 1 } });
    expect(both.status).not.toBe(0);
    expect(both.stderr).toContain('podDisruptionBudget: set exactly one of minAvailable and maxUnavailable');
  });

  it('priorityClassName: system-cluster-critical with a ResourceQuota for it, or neither', () => {
    const objects = renderChart();
    expect(one(objects, 'Deployment').spec.template.spec.priorityClassName).toBe('system-cluster-critical');
    const quota = one(objects, 'ResourceQuota');
    expect(quota.spec.scopeSelector.matchExpressions).toEqual([
      { operator: 'In', scopeName: 'PriorityClass', values: ['system-cluster-critical'] },
    ]);
    expect(quota.spec.hard.pods).toBe('100');
    const none = renderChart({ priorityClassName: '' });
    expect(one(none, 'Deployment').spec.template.spec.priorityClassName).toBeUndefined();
    expect(none.filter((o) => o.kind === 'ResourceQuota')).toEqual([]);
    expect(renderChart({ resourceQuota: { enabled: false, pods: 1 } }).filter((o) => o.kind === 'ResourceQuota')).toEqual([]);
  });

  it('per-webhook failurePolicy and timeoutSeconds, and extra namespace exclusions', () => {
    const objects = renderChart({
      webhooks: {
        scheduling: { failurePolicy: 'Ignore', timeoutSeconds: 2 },
        pods: { failurePolicy: 'Fail', timeoutSeconds: 1 },
        jobs: { failurePolicy: 'Fail', timeoutSeconds: 4 },
        podGroupDefaults: { failurePolicy: 'Ignore', timeoutSeconds: 10 },
      },
      excludedNamespaces: ['kube-public', 'gpu-operator'],
    });
    expect(webhooksOf(objects).map((w) => [w.name, w.failurePolicy, w.timeoutSeconds])).toEqual([
      ['scheduling.validate.kubectl-workload.io', 'Ignore', 2],
      ['pods.validate.kubectl-workload.io', 'Fail', 1],
      ['jobs.validate.kubectl-workload.io', 'Fail', 4],
      ['podgroups.mutate.kubectl-workload.io', 'Ignore', 10],
    ]);
    for (const w of webhooksOf(objects)) {
      expect(w.namespaceSelector.matchExpressions[0].values).toEqual(['kube-system', NAMESPACE, 'kube-public', 'gpu-operator']);
    }
  });

  it('rules become a --config file the webhook accepts; featureGates, logLevel and discoveryInterval become its flags', () => {
    const objects = renderChart({
      rules: { 'X-15': 'deny', 'X-18': 'off', 'WL-28': 'warn' },
      featureGates: { WorkloadAwarePreemption: false, GangScheduling: true },
      logLevel: 'debug',
      onLookupError: 'deny',
      kubeVersion: '1.36',
      discoveryInterval: '30s',
    });
    const configFile = flag(objects, 'config') as string;
    const configMap = one(objects, 'ConfigMap', 'workload-webhook-config');
    const text = configMap.data[configFile.split('/').pop() as string] as string;
    expect(parseSeverityConfig(text, configFile)).toEqual({ 'X-15': 'error', 'X-18': 'off', 'WL-28': 'warning' });
    expect(flag(objects, 'feature-gates')).toBe('GangScheduling=true,WorkloadAwarePreemption=false');
    expect(parseFeatureGatesByVersion(flag(objects, 'feature-gates') as string, '1.36')['1.36'].WorkloadAwarePreemption).toBe(false);
    expect(flag(objects, 'kube-version')).toBe('1.36');
    expect(flag(objects, 'log-level')).toBe('debug');
    expect(flag(objects, 'on-lookup-error')).toBe('deny');
    expect(flag(objects, 'discovery-interval')).toBe('30s');
    expect(flag(renderChart(), 'discovery-interval')).toBe('1m');
    expect(flag(renderChart(), 'feature-gates')).toBeUndefined();
    expect(flag(renderChart(), 'kube-version')).toBeUndefined();
    // A rules change rolls the pods.
    const checksum = (o: Obj[]): string => one(o, 'Deployment').spec.template.metadata.annotations['checksum/config'];
    expect(checksum(objects)).not.toBe(checksum(renderChart()));
  });

  it('toggles: ServiceMonitor, NetworkPolicy and PrometheusRule only when enabled', () => {
    const kinds = (o: Obj[]): string[] =>
      o.map((x) => x.kind).filter((k) => ['ServiceMonitor', 'NetworkPolicy', 'PrometheusRule'].includes(k));
    expect(kinds(renderChart())).toEqual([]);
    expect(kinds(renderChart({ serviceMonitor: { enabled: true } }))).toEqual(['ServiceMonitor']);
    expect(kinds(renderChart({ networkPolicy: { enabled: true } }))).toEqual(['NetworkPolicy']);
    expect(kinds(renderChart({ prometheusRule: { enabled: true } }))).toEqual(['PrometheusRule']);
  });

  it('another release name: every reference follows the names', () => {
    const objects = renderChart(
      { serviceMonitor: { enabled: true }, networkPolicy: { enabled: true } },
      { release: 'wh', namespace: 'platform' },
    );
    const service = one(objects, 'Service');
    expect(service.metadata.name).toBe('wh-workload-webhook');
    for (const w of webhooksOf(objects))
      expect(w.clientConfig.service).toMatchObject({ name: service.metadata.name, namespace: 'platform' });
    const pod = one(objects, 'Deployment').spec.template.spec;
    expect(pod.serviceAccountName).toBe(one(objects, 'ServiceAccount').metadata.name);
    expect(one(objects, 'ClusterRoleBinding').subjects).toEqual([
      { kind: 'ServiceAccount', name: pod.serviceAccountName, namespace: 'platform' },
    ]);
    const names = new Set(objects.map((o) => `${o.kind}/${o.metadata.name}`));
    for (const v of pod.volumes as Obj[])
      expect(names.has(v.secret ? `Secret/${v.secret.secretName}` : `ConfigMap/${v.configMap.name}`)).toBe(true);
    const serving = new X509Certificate(Buffer.from(one(objects, 'Secret').data['tls.crt'], 'base64'));
    expect(serving.checkHost('wh-workload-webhook.platform.svc')).toBe('wh-workload-webhook.platform.svc');
    expect(one(objects, 'ServiceMonitor').spec.endpoints[0].tlsConfig.serverName).toBe('wh-workload-webhook.platform.svc');
    expect(service.spec.selector).toEqual(one(objects, 'NetworkPolicy').spec.podSelector.matchLabels);
    const overridden = renderChart({ fullnameOverride: 'admission' }, { release: 'wh' });
    expect(webhooksOf(overridden).map((w) => w.clientConfig.service.name)).toEqual(Array(4).fill('admission'));
    expect(one(overridden, 'ValidatingWebhookConfiguration').metadata.name).toBe('admission');
  });
});

describe('certificates.mode', () => {
  it('existing-secret: mounts the named Secret, caBundle is the given CA, and the chart makes no certificate', () => {
    const ca = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    const objects = renderChart({
      certificates: { mode: 'existing-secret', existingSecret: { name: 'corp-tls', caBundle: ca } },
      serviceMonitor: { enabled: true },
    });
    expect(objects.filter((o) => ['Secret', 'Certificate', 'Issuer'].includes(o.kind))).toEqual([]);
    expect(one(objects, 'Deployment').spec.template.spec.volumes[0]).toEqual({ name: 'tls', secret: { secretName: 'corp-tls' } });
    for (const w of webhooksOf(objects)) expect(Buffer.from(w.clientConfig.caBundle, 'base64').toString('utf8')).toBe(ca);
    expect(one(objects, 'ServiceMonitor').spec.endpoints[0].tlsConfig.ca.secret).toEqual({ name: 'corp-tls', key: 'ca.crt' });
  });

  it.each<[string, Obj, string]>([
    ['no Secret name', { existingSecret: { caBundle: 'x' } }, 'certificates.existingSecret.name is required'],
    ['no CA', { existingSecret: { name: 'corp-tls' } }, 'certificates.existingSecret.caBundle (the PEM CA) is required'],
  ])('existing-secret with %s fails with what is missing', (_name, certificates, message) => {
    const result = helmRender({ certificates: { mode: 'existing-secret', ...certificates } });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(message);
  });

  it("cert-manager with an issuerRef: the operator's issuer signs, the chart makes none", () => {
    const issuerRef = { name: 'corp-ca', kind: 'ClusterIssuer', group: 'cert-manager.io' };
    const objects = renderChart({ certificates: { mode: 'cert-manager', certManager: { issuerRef } } });
    expect(objects.filter((o) => o.kind === 'Issuer')).toEqual([]);
    expect(one(objects, 'Certificate').spec.issuerRef).toEqual(issuerRef);
  });
});

// Kustomize-only names and chart-only labels, so the two renderings compare field by field.
const CHART_LABELS = ['app.kubernetes.io/instance', 'app.kubernetes.io/version', 'app.kubernetes.io/managed-by', 'helm.sh/chart'];
const KUSTOMIZE_HASH = /-[bcdfghkmt2-9]{10}$/; // kustomize's name suffix alphabet (no vowels)

function stripChartLabels(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripChartLabels);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !CHART_LABELS.includes(k))
      .map(([k, v]) => [k, stripChartLabels(v)]),
  );
}

function comparable(o: Obj): Obj {
  const copy = stripChartLabels(structuredClone(o)) as Obj;
  delete copy.metadata.labels;
  delete copy.metadata.annotations;
  if (copy.kind === 'ConfigMap') {
    copy.metadata.name = copy.metadata.name.replace(KUSTOMIZE_HASH, '');
    copy.data = Object.fromEntries(Object.entries(copy.data as Obj).map(([k, v]) => [k, parse(v as string)]));
  }
  if (copy.kind === 'Deployment') {
    delete copy.spec.template.metadata.annotations;
    for (const v of copy.spec.template.spec.volumes as Obj[])
      if (v.configMap) v.configMap.name = v.configMap.name.replace(KUSTOMIZE_HASH, '');
  }
  if (copy.kind.endsWith('WebhookConfiguration')) for (const w of copy.webhooks as Obj[]) delete w.clientConfig.caBundle;
  return copy;
}

describe.each<[string, Obj, string, string[]]>([
  ['default values', {}, 'base', []],
  [
    'every toggle on',
    { networkPolicy: { enabled: true }, serviceMonitor: { enabled: true }, prometheusRule: { enabled: true } },
    'all',
    ['NetworkPolicy', 'ServiceMonitor', 'PrometheusRule'],
  ],
])('the chart with %s and kustomize', (_name, values, target, extraKinds) => {
  it('agree on every object both contain', () => {
    const dir = target === 'base' ? join(manifestsDir, 'base') : kustomizeWithComponents();
    const key = (o: Obj): string => `${o.kind}/${o.metadata.name.replace(o.kind === 'ConfigMap' ? KUSTOMIZE_HASH : '', '')}`;
    const kustomized = new Map(renderKustomize(dir).map((o) => [key(o), o]));
    const charted = renderChart(values);
    const shared = charted.filter((o) => kustomized.has(key(o)));
    expect(shared.map(key).sort()).toEqual(
      [
        'ClusterRole/workload-webhook',
        'ClusterRoleBinding/workload-webhook',
        'ConfigMap/workload-webhook-config',
        'ConfigMap/workload-webhook-kubeconfig',
        'Deployment/workload-webhook',
        'MutatingWebhookConfiguration/workload-webhook',
        'PodDisruptionBudget/workload-webhook',
        'ResourceQuota/workload-webhook-critical-pods',
        'Service/workload-webhook',
        'ServiceAccount/workload-webhook',
        'ValidatingWebhookConfiguration/workload-webhook',
        ...extraKinds.map((k) => `${k}/workload-webhook`),
      ].sort(),
    );
    for (const o of shared) expect(comparable(o)).toEqual(comparable(kustomized.get(key(o)) as Obj));
  });
});

function kustomizeWithComponents(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kustomize-components-'));
  writeFileSync(
    join(dir, 'kustomization.yaml'),
    `resources: [${relative(dir, join(manifestsDir, 'base'))}]\ncomponents: [${['network-policy', 'monitoring'].map((c) => relative(dir, join(manifestsDir, 'components', c))).join(', ')}]\n`,
  );
  return dir;
}
