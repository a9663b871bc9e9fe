import { allGatesOn } from '@kubectl-workload/api';
import { applyPodGroupDefaults, withPodGroupDefaults } from './defaulting.js';
import { podGroup } from './rules/podgroup/test-support/objects.js';

describe('PG-50 PodGroup defaulting', () => {
  it('sets disruptionMode to Pod without touching the input', () => {
    const pg = podGroup({ schedulingPolicy: { basic: {} } });
    expect(applyPodGroupDefaults(pg).spec?.disruptionMode).toBe('Pod');
    expect(pg.spec?.disruptionMode).toBeUndefined();
  });
  it('keeps an explicit value', () => {
    expect(applyPodGroupDefaults(podGroup({ disruptionMode: 'PodGroup' })).spec?.disruptionMode).toBe('PodGroup');
  });
  it('defaults the object and the old object when WorkloadAwarePreemption is on', () => {
    const req = withPodGroupDefaults({ object: podGroup({}), oldObject: podGroup({}), gates: allGatesOn() });
    expect([req.object.spec?.disruptionMode, req.oldObject.spec?.disruptionMode]).toEqual(['Pod', 'Pod']);
  });
  it('leaves the request alone when the gate is off (PrepareForCreate would drop the default again)', () => {
    const object = podGroup({});
    expect(withPodGroupDefaults({ object, gates: { ...allGatesOn(), WorkloadAwarePreemption: false } }).object).toBe(object);
  });
});
