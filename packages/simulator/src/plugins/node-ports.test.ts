import { attempt, node, pod, setup } from '../test-support/builders.js';
import { NAME } from './node-ports.js';

describe(NAME, () => {
  it('NodePorts: same protocol and port conflict unless both host IPs are specific and differ', () => {
    const used = pod('u', { nodeName: 'n1', containers: [{ name: 'c', ports: [{ containerPort: 1, hostPort: 80, hostIP: '10.0.0.1' }] }] });
    const { scheduler } = setup([node('n1')], [used]);
    const port = (hostIP: string | undefined, protocol = 'TCP') =>
      pod('p', { containers: [{ name: 'c', ports: [{ containerPort: 1, hostPort: 80, protocol, ...(hostIP ? { hostIP } : {}) }] }] });
    expect(attempt(scheduler, port(undefined)).fitError?.message).toBe(
      "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports.",
    );
    expect(attempt(scheduler, port('10.0.0.1')).nodeName).toBeUndefined();
    expect(attempt(scheduler, port('10.0.0.2')).nodeName).toBe('n1');
    expect(attempt(scheduler, port(undefined, 'UDP')).nodeName).toBe('n1');
  });
});
