// DynamicResources PreFilter/Filter/Reserve/PostFilter, after upstream
// pkg/scheduler/framework/plugins/dynamicresources/dynamicresources_test.go (TestPlugin cases named
// below) and k8s.io/dynamic-resource-allocation/structured allocator_test.go (TestAllocator).

import type {
  DeviceClass,
  Pod,
  PodGroup,
  ResourceClaim,
  ResourceClaimSpec,
  ResourceClaimTemplate,
  ResourceSlice,
} from '@kubectl-workload/api';
import { attempt, cpuPod, info, node, setup } from '../test-support/builders.js';
import type { DraObjects } from './dynamic-resources.js';

const DRIVER = 'gpu.example.com';

function gpuSlice(
  nodeName: string,
  devices: number,
  attrs: (i: number) => Record<string, { string?: string; int?: number }> = () => ({}),
): ResourceSlice {
  return {
    metadata: { name: `${nodeName}-gpus` },
    spec: {
      driver: DRIVER,
      pool: { name: nodeName, generation: 1, resourceSliceCount: 1 },
      nodeName,
      devices: Array.from({ length: devices }, (_, i) => ({ name: `gpu-${i}`, attributes: attrs(i) })),
    },
  };
}

const gpuClass: DeviceClass = { metadata: { name: 'gpu' }, spec: { selectors: [{ cel: { expression: `device.driver == '${DRIVER}'` } }] } };

function spec(count = 1, extra: object = {}): ResourceClaimSpec {
  return { devices: { requests: [{ name: 'req-0', exactly: { deviceClassName: 'gpu', count, ...extra } }] } };
}

function claim(name: string, s: ResourceClaimSpec = spec(), status?: ResourceClaim['status']): ResourceClaim {
  return { metadata: { name, namespace: 'default' }, spec: s, ...(status ? { status } : {}) };
}

function claiming(name: string, ref: { resourceClaimName?: string; resourceClaimTemplateName?: string }, extra: object = {}): Pod {
  return cpuPod(name, '100m', { resourceClaims: [{ name: 'gpu', ...ref }], ...extra });
}

function run(nodes: string[], dra: Partial<DraObjects>, pods: Pod[], groups: PodGroup[] = []) {
  const { scheduler, cluster } = setup(
    nodes.map((n) => node(n, {}, { labels: { zone: n === 'n1' ? 'a' : 'b' } })),
    [],
    pods,
    { deviceClasses: [gpuClass], podGroups: groups, ...dra },
  );
  return pods.map((p) => {
    const a = attempt(scheduler, p);
    if (a.node !== undefined) cluster.add(a.pod, a.node, cluster.requestVector(a.pod));
    return a.nodeName ?? a.fitError?.message;
  });
}

describe('DynamicResources PreFilter (TestPlugin)', () => {
  it('"claim not found": names the missing claim', () => {
    expect(run(['n1'], {}, [claiming('p', { resourceClaimName: 'missing' })])).toEqual([
      '0/1 nodes are available: resourceclaim.resource.k8s.io "missing" not found.',
    ]);
  });

  it('"deleted claim": a claim being deleted is not used', () => {
    const c = { ...claim('c'), metadata: { name: 'c', namespace: 'default', deletionTimestamp: '2026-01-01T00:00:00Z' } };
    expect(run(['n1'], { resourceClaims: [c] }, [claiming('p', { resourceClaimName: 'c' })])).toEqual([
      '0/1 nodes are available: resourceclaim "c" is being deleted.',
    ]);
  });

  it('"missing class": the request names a DeviceClass that does not exist', () => {
    const c = claim('c', { devices: { requests: [{ name: 'req-0', exactly: { deviceClassName: 'nope' } }] } });
    expect(run(['n1'], { resourceClaims: [c] }, [claiming('p', { resourceClaimName: 'c' })])).toEqual([
      '0/1 nodes are available: request req-0: device class nope does not exist.',
    ]);
  });

  it('"claim from template, not generated": without the template the controller cannot create it', () => {
    expect(run(['n1'], {}, [claiming('p', { resourceClaimTemplateName: 'tpl' })])).toEqual([
      '0/1 nodes are available: pod "default/p": ResourceClaim not created yet.',
    ]);
  });

  it('reports a selector calling a function the CEL library lacks as not modelled instead of guessing', () => {
    const c = claim(
      'c',
      spec(1, { selectors: [{ cel: { expression: `device.capacity['${DRIVER}'].memory.mul(2).compareTo(quantity('10Gi')) >= 0` } }] }),
    );
    const [message] = run(['n1'], { resourceClaims: [c], resourceSlices: [gpuSlice('n1', 1)] }, [
      claiming('p', { resourceClaimName: 'c' }),
    ]);
    expect(message).toMatch(
      /^0\/1 nodes are available: resourceclaim "gpu": not modelled by the simulator: request req-0: selector .*: CEL compile error: undeclared reference to 'mul'\.$/,
    );
  });
});

describe('DynamicResources Filter and Reserve (TestPlugin, TestAllocator)', () => {
  it('reports a device the selector fails on (a version attribute compared with a string) as not modelled on that node', () => {
    const versioned = (i: number) => ({ driverVersion: { version: `1.${i}.0` } }) as Record<string, { string?: string }>;
    const c = claim('c', spec(1, { selectors: [{ cel: { expression: `device.attributes['${DRIVER}'].driverVersion == '1.0.0'` } }] }));
    expect(
      run(['n1'], { resourceClaims: [c], resourceSlices: [gpuSlice('n1', 1, versioned)] }, [claiming('p', { resourceClaimName: 'c' })]),
    ).toEqual([
      `0/1 nodes are available: 1 resourceclaim "gpu": not modelled by the simulator: request req-0: selector "device.attributes['${DRIVER}'].driverVersion == '1.0.0'" on device ${DRIVER}/n1/gpu-0: CEL runtime error: no such overload.`,
    ]);
  });

  it('"structured, no resources": cannot allocate all claims on a node without devices', () => {
    const tpl: ResourceClaimTemplate = { metadata: { name: 'tpl', namespace: 'default' }, spec: { spec: spec() } };
    expect(
      run(['n1', 'n2'], { resourceClaimTemplates: [tpl], resourceSlices: [gpuSlice('n2', 1)] }, [
        claiming('a', { resourceClaimTemplateName: 'tpl' }),
        claiming('b', { resourceClaimTemplateName: 'tpl' }),
      ]),
    ).toEqual(['n2', '0/2 nodes are available: 2 cannot allocate all claims.']);
  });

  it('"already allocated": a claim allocated elsewhere makes other nodes unavailable', () => {
    const allocated = claim('c', spec(), {
      allocation: {
        devices: { results: [{ request: 'req-0', driver: DRIVER, pool: 'n2', device: 'gpu-0' }] },
        nodeSelector: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n2'] }] }] },
      },
    });
    const pods = [claiming('p', { resourceClaimName: 'c' }, { nodeSelector: { zone: 'a' } }), claiming('q', { resourceClaimName: 'c' })];
    const { scheduler } = setup([node('n1', {}, { labels: { zone: 'a' } }), node('n2')], [], pods, {
      deviceClasses: [gpuClass],
      resourceClaims: [allocated],
      resourceSlices: [gpuSlice('n2', 1)],
    });
    expect(attempt(scheduler, pods[0] as Pod).fitError?.message).toBe(
      "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 resourceclaim not available on the node.",
    );
    expect(attempt(scheduler, pods[1] as Pod).nodeName).toBe('n2');
    expect(scheduler.cluster.dra?.postFilter(info(pods[0] as Pod), scheduler.cluster.nodes)).toBe(
      'deallocation of ResourceClaim completed',
    );
  });

  it('devices allocated in the snapshot are not handed out again; Reserve takes them, Unreserve returns them', () => {
    const taken = claim('old', spec(), {
      allocation: { devices: { results: [{ request: 'req-0', driver: DRIVER, pool: 'n1', device: 'gpu-0' }] } },
    });
    const pods = [claiming('a', { resourceClaimName: 'c1' }), claiming('b', { resourceClaimName: 'c2' })];
    const { scheduler, cluster } = setup([node('n1')], [], pods, {
      deviceClasses: [gpuClass],
      resourceClaims: [taken, claim('c1'), claim('c2')],
      resourceSlices: [gpuSlice('n1', 2)],
    });
    const a = attempt(scheduler, pods[0] as Pod);
    expect(a.nodeName).toBe('n1');
    cluster.add(a.pod, 0, cluster.requestVector(a.pod));
    expect(attempt(scheduler, pods[1] as Pod).fitError?.message).toBe('0/1 nodes are available: 1 cannot allocate all claims.');
    expect(cluster.dra?.postFilter(info(pods[1] as Pod), cluster.nodes)).toBe('still not schedulable');
    cluster.remove(a.pod, 0, cluster.requestVector(a.pod));
    expect(attempt(scheduler, pods[1] as Pod).nodeName).toBe('n1');
  });

  it('ExactCount needs count free matching devices on one node', () => {
    const c = claim('c', spec(3));
    expect(
      run(['n1', 'n2'], { resourceClaims: [c], resourceSlices: [gpuSlice('n1', 2), gpuSlice('n2', 3)] }, [
        claiming('p', { resourceClaimName: 'c' }),
      ]),
    ).toEqual(['n2']);
  });

  it('a request for more devices than a node has free fails there; a device the selectors cannot judge is still reported', () => {
    expect(
      run(['n1'], { resourceClaims: [claim('c', spec(31))], resourceSlices: [gpuSlice('n1', 30)] }, [
        claiming('p', { resourceClaimName: 'c' }),
      ]),
    ).toEqual(['0/1 nodes are available: 1 cannot allocate all claims.']);
    // One device, two asked: upstream's search reaches the device first and fails with the CEL error.
    const versioned = () => ({ driverVersion: { version: '1.0.0' } }) as Record<string, { string?: string }>;
    const c = claim('c', spec(2, { selectors: [{ cel: { expression: `device.attributes['${DRIVER}'].driverVersion == '1.0.0'` } }] }));
    const [message] = run(['n1'], { resourceClaims: [c], resourceSlices: [gpuSlice('n1', 1, versioned)] }, [
      claiming('p', { resourceClaimName: 'c' }),
    ]);
    expect(message).toMatch(/^0\/1 nodes are available: 1 resourceclaim "gpu": not modelled by the simulator: request req-0: selector /);
  });

  it('"all devices": All takes every matching device and fails when one is allocated', () => {
    const all = spec(1, { allocationMode: 'All' });
    const taken = claim('old', spec(), {
      allocation: { devices: { results: [{ request: 'req-0', driver: DRIVER, pool: 'n1', device: 'gpu-1' }] } },
    });
    const slices = [gpuSlice('n1', 2), gpuSlice('n2', 4)];
    expect(
      run(['n1', 'n2'], { resourceClaims: [taken, claim('c', all), claim('d', all)], resourceSlices: slices }, [
        claiming('p', { resourceClaimName: 'c' }),
        claiming('q', { resourceClaimName: 'd' }),
      ]),
    ).toEqual(['n2', '0/2 nodes are available: 2 cannot allocate all claims.']);
  });

  it('device selectors in CEL filter on attributes (class and request selectors both apply)', () => {
    const models = (i: number) => ({ model: { string: i === 0 ? 'a100' : 'h100' }, memory: { int: i === 0 ? 40 : 80 } });
    const c = claim(
      'c',
      spec(1, {
        selectors: [
          { cel: { expression: `device.attributes['${DRIVER}'].model == 'h100' && device.attributes['${DRIVER}'].memory >= 80` } },
        ],
      }),
    );
    const d = claim('d', spec(1, { selectors: [{ cel: { expression: `device.attributes['${DRIVER}'].model == 'h100'` } }] }));
    expect(
      run(['n1', 'n2'], { resourceClaims: [c, d], resourceSlices: [gpuSlice('n1', 1, models), gpuSlice('n2', 2, models)] }, [
        claiming('p', { resourceClaimName: 'c' }),
        claiming('q', { resourceClaimName: 'd' }),
      ]),
    ).toEqual(['n2', '0/2 nodes are available: 2 cannot allocate all claims.']);
  });

  it('"with constraint": matchAttribute needs devices sharing the attribute value', () => {
    const numa = (i: number) => ({ numa: { int: i % 2 } });
    const s: ResourceClaimSpec = {
      devices: {
        requests: [{ name: 'req-0', exactly: { deviceClassName: 'gpu', count: 2 } }],
        constraints: [{ matchAttribute: `${DRIVER}/numa` }],
      },
    };
    // n1: gpu-0 (numa 0), gpu-1 (numa 1); n2: numa 0,1,0 → gpu-0 and gpu-2 match.
    expect(
      run(['n1', 'n2'], { resourceClaims: [claim('c', s)], resourceSlices: [gpuSlice('n1', 2, numa), gpuSlice('n2', 3, numa)] }, [
        claiming('p', { resourceClaimName: 'c' }),
      ]),
    ).toEqual(['n2']);
  });

  it('network-attached devices (slice nodeSelector) serve the nodes the selector matches, and an allocation pins later users there', () => {
    const fabric: ResourceSlice = {
      metadata: { name: 'fabric' },
      spec: {
        driver: DRIVER,
        pool: { name: 'fabric', generation: 1, resourceSliceCount: 1 },
        nodeSelector: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] }] },
        devices: [{ name: 'link-0' }],
      },
    };
    expect(
      run(['n1', 'n2', 'n3'], { resourceClaims: [claim('c')], resourceSlices: [fabric] }, [
        claiming('p', { resourceClaimName: 'c' }),
        claiming('q', { resourceClaimName: 'c' }, { nodeSelector: { zone: 'a' } }),
      ]),
    ).toEqual([
      'n2',
      "0/3 nodes are available: 1 resourceclaim not available on the node, 2 node(s) didn't match Pod's node affinity/selector.",
    ]);
  });

  it('only the newest generation of a pool counts', () => {
    const old = { ...gpuSlice('n1', 4), spec: { ...gpuSlice('n1', 4).spec, pool: { name: 'n1', generation: 1, resourceSliceCount: 1 } } };
    const current = {
      ...gpuSlice('n1', 1),
      metadata: { name: 'new' },
      spec: { ...gpuSlice('n1', 1).spec, pool: { name: 'n1', generation: 2, resourceSliceCount: 1 } },
    };
    expect(
      run(['n1'], { resourceClaims: [claim('c', spec(2))], resourceSlices: [old, current] }, [claiming('p', { resourceClaimName: 'c' })]),
    ).toEqual(['0/1 nodes are available: 1 cannot allocate all claims.']);
  });
});

describe('pools the allocator skips (GatherPools: IsIncomplete, IsInvalid)', () => {
  const inPool = (slice: ResourceSlice, name: string, resourceSliceCount: number): ResourceSlice => ({
    metadata: { name },
    spec: { ...slice.spec, pool: { name: 'n1', generation: 1, resourceSliceCount } },
  });
  const pod = claiming('p', { resourceClaimName: 'c' });

  it("a pool missing one of its slices lends no device, and an All request fails on its node with upstream's error", () => {
    const half = inPool(gpuSlice('n1', 2), 'half', 2);
    expect(run(['n1'], { resourceClaims: [claim('c')], resourceSlices: [half] }, [pod])).toEqual([
      '0/1 nodes are available: 1 cannot allocate all claims.',
    ]);
    expect(run(['n1'], { resourceClaims: [claim('c', spec(1, { allocationMode: 'All' }))], resourceSlices: [half] }, [pod])).toEqual([
      `0/1 nodes are available: 1 resourceclaim "gpu": not modelled by the simulator: request req-0: asks for all devices, but resource pool ${DRIVER}/n1 is currently being updated.`,
    ]);
    // Complete again: both slices of the generation are there.
    const rest = inPool({ ...gpuSlice('n1', 0), spec: { ...gpuSlice('n1', 0).spec, devices: [{ name: 'gpu-9' }] } }, 'rest', 2);
    expect(run(['n1'], { resourceClaims: [claim('c', spec(3))], resourceSlices: [half, rest] }, [pod])).toEqual(['n1']);
  });

  it('a pool naming a device twice is invalid: none of its devices is allocated', () => {
    const slices = [inPool(gpuSlice('n1', 1), 'a', 2), inPool(gpuSlice('n1', 1), 'b', 2)];
    expect(run(['n1'], { resourceClaims: [claim('c')], resourceSlices: slices }, [pod])).toEqual([
      '0/1 nodes are available: 1 cannot allocate all claims.',
    ]);
  });
});

describe('PodGroup resourceClaims (KEP-5729, DRAWorkloadResourceClaims)', () => {
  const group: PodGroup = {
    apiVersion: 'scheduling.k8s.io/v1alpha2',
    kind: 'PodGroup',
    metadata: { name: 'g', namespace: 'default' },
    spec: { schedulingPolicy: { gang: { minCount: 2 } }, resourceClaims: [{ name: 'gpu', resourceClaimTemplateName: 'tpl' }] },
  };
  const tpl: ResourceClaimTemplate = { metadata: { name: 'tpl', namespace: 'default' }, spec: { spec: spec() } };
  const member = (name: string) => claiming(name, { resourceClaimTemplateName: 'tpl' }, { schedulingGroup: { podGroupName: 'g' } });

  it('members share the group claim: one device, and every member lands where it was allocated', () => {
    expect(
      run(
        ['n1', 'n2'],
        { resourceClaimTemplates: [tpl], resourceSlices: [gpuSlice('n1', 1), gpuSlice('n2', 1)] },
        [member('a'), member('b')],
        [group],
      ),
    ).toEqual(['n1', 'n1']);
  });

  it('a member whose entry differs from the group claim gets its own claim', () => {
    const own = cpuPod('c', '100m', {
      resourceClaims: [{ name: 'other', resourceClaimTemplateName: 'tpl' }],
      schedulingGroup: { podGroupName: 'g' },
    });
    expect(run(['n1'], { resourceClaimTemplates: [tpl], resourceSlices: [gpuSlice('n1', 1)] }, [member('a'), own], [group])).toEqual([
      'n1',
      '0/1 nodes are available: 1 cannot allocate all claims.',
    ]);
  });
});
