import { emptyState } from '@kubectl-workload/cluster';
import { UserError } from '../exit.js';
import { resolveTarget } from './target.js';
import { compositePodGroup, job, pod, podGroup, workload } from '../status/test-support/objects.js';

const state = {
  ...emptyState(),
  podGroups: [podGroup('train', { schedulingPolicy: { basic: {} } })],
  pods: [pod('train', undefined), pod('web-0', undefined)],
  jobs: [job('train', {})],
  workloads: [workload('etl', [])],
  compositePodGroups: [compositePodGroup('sweep', { workloadRef: { workloadName: 'etl', templateName: 'trials' } })],
};

describe('resolveTarget', () => {
  it('resolves a bare name as a PodGroup, then a Pod, a Job, a Workload, a CompositePodGroup', () => {
    expect(resolveTarget('train', 'default', state).ref.kind).toBe('PodGroup');
    expect(resolveTarget('web-0', 'default', state).ref.kind).toBe('Pod');
    expect(resolveTarget('etl', 'default', state).ref.kind).toBe('Workload');
    expect(resolveTarget('sweep', 'default', state).ref.kind).toBe('CompositePodGroup');
    expect(resolveTarget('sweep', undefined, state).ref).toEqual({ kind: 'CompositePodGroup', namespace: 'default', name: 'sweep' });
  });

  it('honours an explicit kind, including plural and short forms', () => {
    expect(resolveTarget('job/train', 'default', state).ref).toEqual({ kind: 'Job', namespace: 'default', name: 'train' });
    expect(resolveTarget('po/train', 'default', state).ref.kind).toBe('Pod');
  });

  it('explains what is wrong, with close names, in the target namespace only', () => {
    expect(() => resolveTarget('deployment/x', 'default', state)).toThrow(
      'unknown kind "deployment" in "deployment/x": use podgroup/NAME, pod/NAME, job/NAME, workload/NAME, compositepodgroup/NAME or NAME',
    );
    expect(() => resolveTarget('job/trian', 'default', state)).toThrow(
      'jobs.batch "trian" not found in namespace "default"; did you mean "train"?',
    );
    expect(() => resolveTarget('train', 'other', state)).toThrow(UserError);
  });

  it('says which namespace holds a name missing from the target namespace (issue 18 item 4)', () => {
    expect(() => resolveTarget('train', 'other', state)).toThrow(
      'no PodGroup, Pod, Job, Workload or CompositePodGroup named "train" in namespace "other"; it exists in namespace "default" (use -n default)',
    );
  });

  it('-A: finds the target in the one namespace that holds it, and asks for -n when several do', () => {
    const teamB = {
      ...state,
      podGroups: [
        ...state.podGroups,
        podGroup('infer', { schedulingPolicy: { basic: {} } }, {}, 'team-b'),
        podGroup('train', { schedulingPolicy: { basic: {} } }, {}, 'team-b'),
      ],
    };
    expect(resolveTarget('infer', undefined, teamB).ref).toEqual({ kind: 'PodGroup', namespace: 'team-b', name: 'infer' });
    expect(() => resolveTarget('podgroup/train', undefined, teamB)).toThrow(
      '"podgroup/train" exists in namespaces "default" or "team-b": give one with -n NAMESPACE',
    );
    expect(() => resolveTarget('nope', undefined, teamB)).toThrow(
      'no PodGroup, Pod, Job, Workload or CompositePodGroup named "nope" in any namespace',
    );
  });
});
