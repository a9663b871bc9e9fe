import { fileURLToPath } from 'node:url';
import { UserError } from '../exit.js';
import { loadClusterView } from './cluster-view.js';

const EXAMPLE = fileURLToPath(new URL('../../../examples/cluster-snapshot.yaml', import.meta.url));
const namespaces = (objects: readonly { metadata?: { namespace?: string } }[]) =>
  [...new Set(objects.map((o) => o.metadata?.namespace))].sort();

describe('loadClusterView from --snapshot', () => {
  it('narrows to `default` without -n, as a command in a context without a namespace would', async () => {
    const view = await loadClusterView({ snapshot: EXAMPLE });
    expect(view).toMatchObject({ namespace: 'default', allNamespaces: false });
    expect(namespaces(view.state.pods)).toEqual(['default']);
    expect(view.state.nodes).toHaveLength(7);
  });

  it('takes -n and -A as a cluster would', async () => {
    expect(namespaces((await loadClusterView({ snapshot: EXAMPLE, namespace: 'research' })).state.podGroups)).toEqual(['research']);
    expect(namespaces((await loadClusterView({ snapshot: EXAMPLE, allNamespaces: true })).state.pods)).toEqual(['default', 'research']);
  });

  it('turns an unreadable snapshot into a user error naming the file', async () => {
    await expect(loadClusterView({ snapshot: '/nonexistent/cluster.yaml' })).rejects.toThrow(UserError);
    await expect(loadClusterView({ snapshot: '/nonexistent/cluster.yaml' })).rejects.toThrow(
      'cannot read snapshot "/nonexistent/cluster.yaml" (--snapshot): no such file',
    );
  });
});
