// NetworkPolicy, ServiceMonitor and PrometheusRule, as the chart renders them and as the kustomize
// components add them: the policy fences exactly what the webhook needs, the ServiceMonitor trusts
// the serving certificate's CA, and every alert names series and labels the webhook really exports
// (a typo in a metric name fails here, not silently in Prometheus).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { WebhookMetrics } from '@kubectl-workload/webhook';
import type { DecisionAction, Endpoint } from '@kubectl-workload/webhook';
import { manifestsDir, NAMESPACE, one, renderChart, renderKustomize, webhooksOf } from './chart-render.js';
import type { Obj } from './chart-render.js';

const ENDPOINTS: Endpoint[] = ['validate', 'mutate'];
const ACTIONS: DecisionAction[] = ['deny', 'warn', 'lookup_failed'];
/** Labels Prometheus adds to every scraped series (the operator sets job to the Service name). */
const TARGET_LABELS = ['job', 'namespace', 'service', 'pod', 'instance', 'container'];
/** Series from kube-state-metrics the rules rely on, with the labels it exports. */
const KUBE_STATE_METRICS: Record<string, string[]> = { kube_deployment_status_replicas_available: ['namespace', 'deployment'] };

interface Series {
  labels: Set<string>;
  values: Map<string, Set<string>>;
}

/** Every series the webhook's registry exports, with its label names and the values seen. */
async function webhookSeries(): Promise<Map<string, Series>> {
  const metrics = new WebhookMetrics(() => ({ Workload: 1 }));
  for (const endpoint of ENDPOINTS) metrics.observe(endpoint, 'Workload', 'CREATE', 'allowed', 0.001);
  for (const action of ACTIONS) metrics.decision('X-15', action);
  const series = new Map<string, Series>();
  for (const metric of await metrics.registry.getMetricsAsJSON()) {
    for (const value of metric.values as Array<{ metricName?: string; labels: Record<string, string | number> }>) {
      const name = value.metricName ?? metric.name;
      const entry = series.get(name) ?? { labels: new Set<string>(), values: new Map<string, Set<string>>() };
      for (const [label, v] of Object.entries(value.labels)) {
        entry.labels.add(label);
        entry.values.set(label, (entry.values.get(label) ?? new Set<string>()).add(String(v)));
      }
      series.set(name, entry);
    }
  }
  return series;
}

interface Selector {
  metric: string;
  matchers: Record<string, string>;
}

function selectorsOf(expr: string): Selector[] {
  return [...expr.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\{([^}]*)\}/g)].map(([, metric, body]) => ({
    metric: metric as string,
    matchers: Object.fromEntries([...(body as string).matchAll(/([a-zA-Z_]\w*)\s*=\s*"([^"]*)"/g)].map(([, k, v]) => [k, v])),
  }));
}

function withComponents(): Obj[] {
  const dir = mkdtempSync(join(tmpdir(), 'kustomize-components-'));
  const rel = (p: string): string => relative(dir, join(manifestsDir, p));
  writeFileSync(
    join(dir, 'kustomization.yaml'),
    `resources: [${rel('base')}]\ncomponents: [${rel('components/network-policy')}, ${rel('components/monitoring')}]\n`,
  );
  return renderKustomize(dir);
}

const ALL_TOGGLES = { networkPolicy: { enabled: true }, serviceMonitor: { enabled: true }, prometheusRule: { enabled: true } };

describe.each<[string, () => Obj[]]>([
  ['kustomize base + components', withComponents],
  ['helm chart, toggles on', () => renderChart(ALL_TOGGLES)],
  [
    'helm chart, toggles on, custom timeouts',
    () =>
      renderChart({
        ...ALL_TOGGLES,
        webhooks: {
          scheduling: { failurePolicy: 'Fail', timeoutSeconds: 8 },
          pods: { failurePolicy: 'Ignore', timeoutSeconds: 4 },
          jobs: { failurePolicy: 'Ignore', timeoutSeconds: 6 },
          podGroupDefaults: { failurePolicy: 'Fail', timeoutSeconds: 2 },
        },
      }),
  ],
])('%s', (_name, render) => {
  let objects: Obj[];
  beforeAll(() => {
    objects = render();
  });

  it('NetworkPolicy: in, the webhook port from anywhere; out, cluster DNS and the API server only', () => {
    const policy = one(objects, 'NetworkPolicy');
    const pod = one(objects, 'Deployment').spec.template;
    expect(pod.metadata.labels).toMatchObject(policy.spec.podSelector.matchLabels);
    expect(policy.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(policy.spec.ingress).toEqual([{ ports: [{ protocol: 'TCP', port: 'https' }] }]);
    expect(pod.spec.containers[0].ports.map((p: Obj) => p.name)).toContain('https');
    expect(policy.spec.egress).toEqual([
      {
        to: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
            podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
          },
        ],
        ports: [
          { protocol: 'UDP', port: 53 },
          { protocol: 'TCP', port: 53 },
        ],
      },
      {
        ports: [
          { protocol: 'TCP', port: 443 },
          { protocol: 'TCP', port: 6443 },
        ],
      },
    ]);
  });

  it('ServiceMonitor: scrapes the Service over HTTPS, trusting the CA of the mounted serving Secret', () => {
    const monitor = one(objects, 'ServiceMonitor');
    const service = one(objects, 'Service');
    expect(service.metadata.labels).toMatchObject(monitor.spec.selector.matchLabels);
    const [endpoint] = monitor.spec.endpoints as Obj[];
    expect(service.spec.ports.map((p: Obj) => p.name)).toContain(endpoint?.port);
    expect(endpoint).toMatchObject({ scheme: 'https', path: '/metrics', honorLabels: true });
    const tlsVolume = (one(objects, 'Deployment').spec.template.spec.volumes as Obj[]).find((v) => v.name === 'tls') as Obj;
    expect(endpoint?.tlsConfig).toEqual({
      serverName: `${service.metadata.name}.${NAMESPACE}.svc`,
      ca: { secret: { name: tlsVolume.secret.secretName, key: 'ca.crt' } },
    });
  });

  it('PrometheusRule: the four alerts, on series and labels the webhook and kube-state-metrics export', async () => {
    const rules = one(objects, 'PrometheusRule').spec.groups.flatMap((g: Obj) => g.rules) as Obj[];
    expect(rules.map((r) => r.alert)).toEqual([
      'WorkloadWebhookNoReadyReplica',
      'WorkloadWebhookSlowReviews',
      'WorkloadWebhookSlowReviews',
      'WorkloadWebhookLookupFailures',
      'WorkloadWebhookDenialsSpike',
    ]);
    const series = await webhookSeries();
    const service = one(objects, 'Service').metadata.name;
    for (const rule of rules) {
      const selectors = selectorsOf(rule.expr);
      expect(selectors.length).toBeGreaterThan(0);
      // No metric outside a selector: every workload_webhook_ name is matched above.
      expect(rule.expr.match(/workload_webhook_\w+/g)?.length ?? 0).toBe(
        selectors.filter((s) => s.metric.startsWith('workload_webhook_')).length,
      );
      for (const { metric, matchers } of selectors) {
        const known = series.get(metric)?.labels ?? (KUBE_STATE_METRICS[metric] ? new Set(KUBE_STATE_METRICS[metric]) : undefined);
        expect([metric, known ? 'exported' : 'not exported']).toEqual([metric, 'exported']);
        for (const [label, value] of Object.entries(matchers)) {
          expect([metric, label, TARGET_LABELS.includes(label) || known?.has(label)]).toEqual([metric, label, true]);
          const seen = series.get(metric)?.values.get(label);
          if (seen) expect([metric, label, value, seen.has(value)]).toEqual([metric, label, value, true]);
        }
        if (metric.startsWith('workload_webhook_')) expect(matchers).toMatchObject({ job: service, namespace: NAMESPACE });
        else expect(matchers).toEqual({ namespace: NAMESPACE, deployment: one(objects, 'Deployment').metadata.name });
      }
    }
  });

  it("latency alerts fire at half of each endpoint's shortest webhook timeout, within the histogram buckets", async () => {
    const webhooks = webhooksOf(objects);
    const timeout = (path: string): number =>
      Math.min(...webhooks.filter((w) => w.clientConfig.service.path === path).map((w) => w.timeoutSeconds as number));
    const buckets = [...((await webhookSeries()).get('workload_webhook_request_duration_seconds_bucket')?.values.get('le') ?? [])]
      .map(Number)
      .filter(Number.isFinite);
    const slow = (one(objects, 'PrometheusRule').spec.groups[0].rules as Obj[]).filter((r) => r.alert === 'WorkloadWebhookSlowReviews');
    for (const endpoint of ENDPOINTS) {
      const rule = slow.find((r) => selectorsOf(r.expr)[0]?.matchers.endpoint === endpoint) as Obj;
      const threshold = Number(/\)\s*>\s*([\d.]+)\s*$/.exec(rule.expr)?.[1]);
      expect([endpoint, threshold]).toEqual([endpoint, timeout(`/${endpoint}`) / 2]);
      // histogram_quantile never reports more than the largest finite bucket.
      expect(Math.max(...buckets)).toBeGreaterThanOrEqual(threshold);
    }
  });
});
