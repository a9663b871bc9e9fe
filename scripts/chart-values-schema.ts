// Writes charts/workload-webhook/values.schema.json: `node scripts/chart-values-schema.ts`. The rule
// ids and feature gates come from the packages that define them, so the schema rejects exactly the
// keys the webhook would (test/e2e/chart.test.ts fails when the committed file is stale).

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ALL_FEATURE_GATES, KUBE_VERSIONS } from '@kubectl-workload/api';
import { ALL_RULES } from '@kubectl-workload/rules';

export const VALUES_SCHEMA = fileURLToPath(new URL('../charts/workload-webhook/values.schema.json', import.meta.url));

type Json = Record<string, unknown>;

const str = (description: string, extra: Json = {}): Json => ({ type: 'string', ...(description ? { description } : {}), ...extra });
const obj = (properties: Json, required: string[] = [], description?: string): Json => ({
  type: 'object',
  ...(description ? { description } : {}),
  additionalProperties: false,
  ...(required.length ? { required } : {}),
  properties,
});
const webhook = (description: string): Json =>
  obj(
    {
      failurePolicy: {
        description: 'Fail rejects the request when the webhook cannot be reached; Ignore admits it.',
        enum: ['Fail', 'Ignore'],
      },
      timeoutSeconds: { description: 'How long the API server waits for the webhook (1-30).', type: 'integer', minimum: 1, maximum: 30 },
    },
    ['failurePolicy', 'timeoutSeconds'],
    description,
  );
const freeObject = (description: string): Json => ({ type: 'object', description });
const stringMap = (description: string): Json => ({ type: 'object', description, additionalProperties: { type: 'string' } });
const quantity = {
  anyOf: [
    { type: 'string', pattern: '^[+]?[0-9.]+([eE][-+]?[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$' },
    { type: 'number', minimum: 0 },
  ],
};
const resourceList = { type: 'object', additionalProperties: quantity };

/** The chart's values.schema.json. */
export function valuesSchema(): Json {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'workload-webhook chart values',
    ...obj({
      global: { type: 'object', description: 'Values an umbrella chart shares with its subcharts (not read by this chart).' },
      nameOverride: str('Replaces the chart name in object names.'),
      fullnameOverride: str('Replaces the whole object name prefix.'),
      image: obj(
        {
          registry: str('Registry host, e.g. ghcr.io; empty for none.'),
          repository: str('Repository within the registry.', { minLength: 1 }),
          tag: str('Image tag; empty means the chart appVersion.'),
          digest: str('Pins the image by digest.', { pattern: '^(sha256:[a-f0-9]{64})?$' }),
          pullPolicy: { enum: ['Always', 'IfNotPresent', 'Never'] },
        },
        ['registry', 'repository', 'tag', 'digest', 'pullPolicy'],
      ),
      imagePullSecrets: { type: 'array', items: obj({ name: str('', { minLength: 1 }) }, ['name']) },
      replicas: { type: 'integer', minimum: 1, description: 'Keep at least 2: one can drain while the other answers.' },
      podDisruptionBudget: obj(
        {
          enabled: { type: 'boolean' },
          minAvailable: {
            description: 'Pods or percentage; null to use maxUnavailable.',
            anyOf: [{ type: 'integer', minimum: 0 }, { type: 'string', pattern: '^[0-9]+%$' }, { type: 'null' }],
          },
          maxUnavailable: {
            description: 'Pods or percentage; null to use minAvailable.',
            anyOf: [{ type: 'integer', minimum: 0 }, { type: 'string', pattern: '^[0-9]+%$' }, { type: 'null' }],
          },
        },
        ['enabled'],
      ),
      resources: obj({ requests: resourceList, limits: resourceList, claims: { type: 'array' } }),
      priorityClassName: str('PriorityClass of the webhook pods; empty for none.'),
      resourceQuota: obj(
        {
          enabled: {
            type: 'boolean',
            description: 'Create a ResourceQuota admitting system-* priority pods in the release namespace (needed on GKE).',
          },
          pods: { type: 'integer', minimum: 1 },
        },
        ['enabled', 'pods'],
      ),
      nodeSelector: stringMap('Pod nodeSelector.'),
      tolerations: { type: 'array', items: { type: 'object' }, description: 'Pod tolerations.' },
      affinity: freeObject('Pod affinity.'),
      topologySpreadConstraints: {
        description: 'Pod topologySpreadConstraints; null spreads over hostnames and zones, [] turns spreading off.',
        anyOf: [{ type: 'null' }, { type: 'array', items: { type: 'object' } }],
      },
      podAnnotations: stringMap('Extra pod annotations.'),
      podLabels: stringMap('Extra pod labels.'),
      webhooks: obj(
        {
          scheduling: webhook('Workloads and PodGroups.'),
          pods: webhook('Pods in a pod group.'),
          jobs: webhook('Gang-candidate Jobs.'),
          podGroupDefaults: webhook('The mutating webhook for PodGroups created from a Workload template.'),
        },
        ['scheduling', 'pods', 'jobs', 'podGroupDefaults'],
      ),
      excludedNamespaces: {
        type: 'array',
        items: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', maxLength: 63 },
        uniqueItems: true,
        description: 'Namespaces never sent to the webhook, besides kube-system and the release namespace.',
      },
      certificates: obj(
        {
          mode: { enum: ['cert-manager', 'self-signed', 'existing-secret'] },
          certManager: obj({
            issuerRef: obj(
              { name: str('', { minLength: 1 }), kind: { enum: ['Issuer', 'ClusterIssuer'] }, group: str('') },
              [],
              'Empty creates a self-signed Issuer.',
            ),
            duration: str('', { pattern: '^([0-9]+(\\.[0-9]+)?(h|m|s|ms))+$' }),
            renewBefore: str('', { pattern: '^([0-9]+(\\.[0-9]+)?(h|m|s|ms))+$' }),
          }),
          selfSigned: obj({ validityDays: { type: 'integer', minimum: 1 } }),
          existingSecret: obj({
            name: str('A kubernetes.io/tls Secret in the release namespace.'),
            caBundle: str('PEM CA certificate that signed it.'),
          }),
        },
        ['mode'],
      ),
      rules: {
        type: 'object',
        description: 'Per-rule actions: deny, warn or off (rule ids: docs/rules.md).',
        additionalProperties: false,
        properties: Object.fromEntries(
          [...new Set(ALL_RULES.map((r) => r.id))].sort().map((id) => [id, { enum: ['deny', 'warn', 'off'] }]),
        ),
      },
      featureGates: {
        type: 'object',
        description: 'Feature gates the cluster runs (unset gates of its Kubernetes version are on).',
        additionalProperties: false,
        properties: Object.fromEntries([...ALL_FEATURE_GATES].sort().map((gate) => [gate, { type: 'boolean' }])),
      },
      kubeVersion: {
        description: "The cluster's Kubernetes minor version; empty: each object's apiVersion tells.",
        enum: ['', ...KUBE_VERSIONS],
      },
      discoveryInterval: str(
        "How often the webhook re-reads the API server's discovery to follow an in-place upgrade (--discovery-interval); 0: never.",
        { pattern: '^(0|([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+)$' },
      ),
      logLevel: { enum: ['debug', 'info', 'warn', 'error'] },
      onLookupError: { enum: ['allow', 'deny'] },
      serviceMonitor: obj(
        {
          enabled: { type: 'boolean' },
          interval: str('', { pattern: '^([0-9]+(ms|s|m|h))+$' }),
          scrapeTimeout: str('', { pattern: '^([0-9]+(ms|s|m|h))+$' }),
          labels: stringMap('Extra labels, e.g. the one your Prometheus selects ServiceMonitors by.'),
        },
        ['enabled'],
      ),
      networkPolicy: obj(
        {
          enabled: { type: 'boolean' },
          apiServer: obj({
            cidrs: { type: 'array', items: { type: 'string', pattern: '^[0-9a-fA-F.:]+/[0-9]{1,3}$' } },
            ports: { type: 'array', minItems: 1, items: { type: 'integer', minimum: 1, maximum: 65535 } },
          }),
          dns: obj({ namespace: str('', { minLength: 1 }), podSelector: stringMap('Labels of the DNS pods.') }),
        },
        ['enabled'],
      ),
      prometheusRule: obj(
        {
          enabled: { type: 'boolean' },
          labels: stringMap('Extra labels, e.g. the one your Prometheus selects rules by.'),
          denialsPerSecond: { type: 'number', minimum: 0 },
        },
        ['enabled'],
      ),
    }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(VALUES_SCHEMA, `${JSON.stringify(valuesSchema(), null, 2)}\n`);
  process.stdout.write(`wrote ${VALUES_SCHEMA}\n`);
}
