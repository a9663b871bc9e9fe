import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from './client.js';
import { parseFeatureMetrics, readServerGates } from './feature-gates.js';
import { emptyState, loadClusterState, stateToList } from './state.js';
import { startSampleServer } from './test-support/server.js';

describe('parseFeatureMetrics', () => {
  it('reads kubernetes_feature_enabled samples of the workload gates, 1 on and 0 off', () => {
    const text = [
      '# HELP kubernetes_feature_enabled [BETA] This metric records the data about the stage and enablement of a k8s feature.',
      '# TYPE kubernetes_feature_enabled gauge',
      'kubernetes_feature_enabled{name="GangScheduling",stage="ALPHA"} 1',
      'kubernetes_feature_enabled{name="GenericWorkload",stage="ALPHA"} 1',
      'kubernetes_feature_enabled{name="TopologyAwareWorkloadScheduling",stage="ALPHA"} 0',
      'kubernetes_feature_enabled{name="InPlacePodVerticalScaling",stage="GA"} 1',
      'apiserver_request_total{code="200"} 7',
    ].join('\n');
    expect(parseFeatureMetrics(text)).toEqual({ GangScheduling: true, GenericWorkload: true, TopologyAwareWorkloadScheduling: false });
  });
});

describe('readServerGates against the test API server', () => {
  it('reads the gates from /metrics with a GET, and reports a forbidden /metrics instead of failing', async () => {
    const { server, kubeconfig } = await startSampleServer({
      featureGates: { GenericWorkload: true, GangScheduling: true, TopologyAwareWorkloadScheduling: false },
    });
    try {
      const client = await connect({ kubeconfig }, {});
      expect(await readServerGates(client)).toEqual({
        gates: { GenericWorkload: true, GangScheduling: true, TopologyAwareWorkloadScheduling: false },
      });
      expect(server.requests.filter((r) => r.path === '/metrics').map((r) => r.method)).toEqual(['GET']);
      server.forbid({ resource: '/metrics' });
      const denied = await readServerGates(client);
      expect('forbidden' in denied && denied.forbidden).toContain('forbidden: you may not get /metrics at the cluster scope');
      expect('forbidden' in denied && denied.forbidden).toContain('cannot get path "/metrics"');
    } finally {
      await server.close();
    }
  });
});

describe('snapshot gates', () => {
  it('a snapshot List records the gates in an annotation and reading it gives them back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gates-'));
    const file = join(dir, 'snap.json');
    await writeFile(file, JSON.stringify(stateToList({ ...emptyState(), featureGates: 'GangScheduling=false' })));
    expect((await loadClusterState({ snapshot: file })).featureGates).toBe('GangScheduling=false');
    await writeFile(file, JSON.stringify(stateToList(emptyState())));
    expect((await loadClusterState({ snapshot: file })).featureGates).toBeUndefined();
  });
});
