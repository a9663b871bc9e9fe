import { pod } from './test-support/builders.js';
import { NON_ZERO_MEMORY, NON_ZERO_MILLI_CPU, podRequests, RequestsError } from './resources.js';

describe('podRequests', () => {
  it('sums containers, maxes init containers with restartable sidecars alongside, then adds overhead', () => {
    const r = podRequests(
      pod('p', {
        overhead: { cpu: '250m', memory: '64Mi' },
        initContainers: [
          { name: 'sidecar', restartPolicy: 'Always', resources: { requests: { cpu: '500m', memory: '1Gi' } } },
          { name: 'init', resources: { requests: { cpu: '2', memory: '100Mi' } } },
        ],
        containers: [
          { name: 'a', resources: { requests: { cpu: '1', memory: '1Gi' } } },
          { name: 'b', resources: { requests: { cpu: '250m', 'nvidia.com/gpu': '2' } } },
        ],
      }),
    );
    // cpu: max(1 + 0.25 + 0.5 sidecar, init 2 + sidecar 0.5) = 2.5, + 0.25 overhead.
    expect(r.requests.get('cpu')).toBe(2750);
    // memory: max(1Gi + 1Gi, 100Mi + 1Gi) + 64Mi.
    expect(r.requests.get('memory')).toBe(2 * 2 ** 30 + 64 * 2 ** 20);
    expect(r.requests.get('nvidia.com/gpu')).toBe(2);
  });

  it('uses pod-level cpu/memory requests over the container sum', () => {
    const r = podRequests(
      pod('p', {
        resources: { requests: { cpu: '3' } },
        containers: [{ name: 'a', resources: { requests: { cpu: '1', memory: '1Gi' } } }],
      }),
    );
    expect(r.requests.get('cpu')).toBe(3000);
    expect(r.requests.get('memory')).toBe(2 ** 30);
  });

  it('takes a limit as the request when the request is missing (API defaulting)', () => {
    expect(podRequests(pod('p', { containers: [{ name: 'a', resources: { limits: { cpu: '2' } } }] })).requests.get('cpu')).toBe(2000);
  });

  it('defaults missing cpu/memory per container for scoring only', () => {
    const r = podRequests(pod('p', { containers: [{ name: 'a' }, { name: 'b', resources: { requests: { cpu: '1' } } }] }));
    expect(r.requests.has('memory')).toBe(false);
    expect(r.nonZeroMilliCpu).toBe(NON_ZERO_MILLI_CPU + 1000);
    expect(r.nonZeroMemory).toBe(2 * NON_ZERO_MEMORY);
  });

  it('scores on the full aggregate when every container requests cpu and memory, an explicit zero included', () => {
    const r = podRequests(
      pod('p', {
        overhead: { cpu: '100m' },
        initContainers: [{ name: 'init', resources: { requests: { cpu: '3', memory: '0' } } }],
        containers: [
          { name: 'a', resources: { requests: { cpu: '0', memory: '0' } } },
          { name: 'b', resources: { requests: { cpu: '1', memory: '0' } } },
        ],
      }),
    );
    // An explicit 0 is a request, not a missing one: no default, and no memory in the filter's requests.
    expect(r.requests.has('memory')).toBe(false);
    expect(r.nonZeroMemory).toBe(0);
    // cpu: max(0 + 1, init 3) + 0.1 overhead, the same for filtering and scoring.
    expect(r.requests.get('cpu')).toBe(3100);
    expect(r.nonZeroMilliCpu).toBe(3100);
  });

  it('names the field of a malformed quantity', () => {
    const bad = pod('p', { containers: [{ name: 'a', resources: { requests: { cpu: 'lots' } } }] });
    expect(() => podRequests(bad)).toThrow(RequestsError);
    expect(() => podRequests(bad)).toThrow(/^spec\.containers\[0\]\.resources\.requests\[cpu\]: quantities must match/);
  });
});
