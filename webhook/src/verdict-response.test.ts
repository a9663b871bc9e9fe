import { allGatesOn, invalid, required, tooMany } from '@kubectl-workload/api';
import type { KubeObject, PodGroup } from '@kubectl-workload/api';
import { defineRule, evaluate, ManifestLookup } from '@kubectl-workload/rules';
import type { Rule, RuleResult, Severity, Verdict } from '@kubectl-workload/rules';
import { responseFor } from './verdict-response.js';
import type { Subject } from './verdict-response.js';

// Fixture rules (not spec rules): they return fixed results so every response shape can be reached
// through the real engine, which renders the findings.
function fixtureRule(id: string, severity: Severity, style: 'field' | 'admission', results: RuleResult[]): Rule {
  return defineRule({
    id,
    doc: id,
    severity,
    style,
    kinds: ['PodGroup'],
    operations: ['CREATE'],
    subResources: [''],
    check: () => results,
  });
}

const podGroup: KubeObject = { apiVersion: 'scheduling.k8s.io/v1alpha2', kind: 'PodGroup', metadata: { name: 'pg', namespace: 'ns' } };
const subject: Subject = { kind: 'PodGroup', apiVersion: 'scheduling.k8s.io/v1alpha2', name: 'pg' };

async function verdictOf(...rules: Rule[]): Promise<Verdict> {
  return evaluate({ operation: 'CREATE', object: podGroup, gates: allGatesOn() }, new ManifestLookup([]), { rules });
}

describe('responseFor (api-rules §1 error shapes)', () => {
  it('renders one field error bare, as a 422 Invalid with one cause', async () => {
    const verdict = await verdictOf(fixtureRule('T-1', 'error', 'field', [required('spec.schedulingPolicy')]));
    expect(responseFor('u', subject, verdict, 'allow')).toEqual({
      uid: 'u',
      allowed: false,
      status: {
        metadata: {},
        status: 'Failure',
        message: 'PodGroup.scheduling.k8s.io "pg" is invalid: spec.schedulingPolicy: Required value',
        reason: 'Invalid',
        details: {
          name: 'pg',
          group: 'scheduling.k8s.io',
          kind: 'PodGroup',
          causes: [{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.schedulingPolicy' }],
        },
        code: 422,
      },
    });
  });

  it('renders several field errors as [e1, e2] with one cause each, bodies without the path', async () => {
    const verdict = await verdictOf(
      fixtureRule('T-1', 'error', 'field', [invalid('spec.priority', 1000000001, 'must be less than or equal to 1000000000')]),
      fixtureRule('T-2', 'error', 'field', [tooMany('spec.resourceClaims', 5, 4)]),
    );
    const { status } = responseFor('u', subject, verdict, 'allow');
    expect(status?.message).toBe(
      'PodGroup.scheduling.k8s.io "pg" is invalid: [spec.priority: Invalid value: 1000000001: must be less than or equal to 1000000000, ' +
        'spec.resourceClaims: Too many: 5: must have at most 4 items]',
    );
    expect(status?.details?.causes).toEqual([
      {
        reason: 'FieldValueInvalid',
        message: 'Invalid value: 1000000001: must be less than or equal to 1000000000',
        field: 'spec.priority',
      },
      { reason: 'FieldValueTooMany', message: 'Too many: 5: must have at most 4 items', field: 'spec.resourceClaims' },
    ]);
  });

  it('keeps quoted string values and the colon-rich detail intact in the aggregate', async () => {
    const verdict = await verdictOf(
      fixtureRule('T-1', 'error', 'field', [
        invalid('spec.podGroupTemplateRef.workload.workloadName', 'work/load', 'a: b: c'),
        required('metadata.name', 'name or generateName is required'),
      ]),
    );
    expect(responseFor('u', subject, verdict, 'allow').status?.message).toBe(
      'PodGroup.scheduling.k8s.io "pg" is invalid: [spec.podGroupTemplateRef.workload.workloadName: Invalid value: "work/load": a: b: c, metadata.name: Required value: name or generateName is required]',
    );
  });

  it('answers an admission-style rejection with 403 Forbidden on the qualified resource', async () => {
    const verdict = await verdictOf(
      fixtureRule('T-3', 'error', 'admission', [
        { field: 'spec.podGroupTemplateRef', message: 'PodGroup rejected: Workload "w" not found' },
      ]),
    );
    expect(responseFor('u', subject, verdict, 'allow').status).toEqual({
      metadata: {},
      status: 'Failure',
      message: 'podgroups.scheduling.k8s.io "pg" is forbidden: PodGroup rejected: Workload "w" not found',
      reason: 'Forbidden',
      details: { name: 'pg', group: 'scheduling.k8s.io', kind: 'podgroups' },
      code: 403,
    });
  });

  it('prefers field errors over an admission rejection (validation runs before admission)', async () => {
    const verdict = await verdictOf(
      fixtureRule('T-3', 'error', 'admission', [{ field: 'spec', message: 'PodGroup rejected: Workload "w" not found' }]),
      fixtureRule('T-1', 'error', 'field', [required('spec.schedulingPolicy')]),
    );
    expect(responseFor('u', subject, verdict, 'allow').status?.code).toBe(422);
  });

  it('sends warnings prefixed with the rule id and drops infos', async () => {
    const verdict = await verdictOf(
      fixtureRule('T-4', 'warning', 'field', [invalid('spec.priority', 5, 'differs from the template')]),
      fixtureRule('T-5', 'info', 'field', [required('spec.x')]),
    );
    expect(responseFor('u', subject, verdict, 'allow')).toEqual({
      uid: 'u',
      allowed: true,
      warnings: ['T-4: spec.priority: Invalid value: 5: differs from the template'],
    });
  });

  it('cuts a warning to 256 characters', async () => {
    const verdict = await verdictOf(fixtureRule('T-4', 'warning', 'field', [invalid('spec.x', 'y'.repeat(400), 'long')]));
    const [warning] = responseFor('u', subject, verdict, 'allow').warnings ?? [];
    expect(warning).toHaveLength(256);
    expect(warning?.endsWith('…')).toBe(true);
  });

  it('resolves lookup failures by --on-lookup-error', () => {
    const verdict: Verdict = { errors: [], warnings: [], infos: [], lookupFailures: [{ rule: 'X-01', error: 'cache not synced' }] };
    expect(responseFor('u', subject, verdict, 'allow')).toEqual({
      uid: 'u',
      allowed: true,
      warnings: ['X-01: not checked, lookup failed: cache not synced'],
    });
    const denied = responseFor('u', subject, verdict, 'deny');
    expect(denied.allowed).toBe(false);
    expect(denied.status).toMatchObject({ code: 503, reason: 'ServiceUnavailable' });
    expect(denied.status?.message).toBe(
      'podgroups.scheduling.k8s.io "pg" could not be checked (--on-lookup-error=deny): X-01: cache not synced',
    );
  });
});

describe('responseFor on priority admission (X-06, PG-52)', () => {
  it('answers a PodGroup naming no PriorityClass with 403, as the Priority admission plugin would', async () => {
    const named: PodGroup = { ...podGroup, spec: { schedulingPolicy: { basic: {} }, priorityClassName: 'missing' } };
    const known = {
      apiVersion: 'scheduling.k8s.io/v1',
      kind: 'PriorityClass',
      metadata: { name: 'default1' },
      value: 1000,
      globalDefault: true,
    };
    const verdict = await evaluate({ operation: 'CREATE', object: named, gates: allGatesOn() }, new ManifestLookup([known]));
    expect(responseFor('u', subject, verdict, 'allow').status).toMatchObject({
      code: 403,
      reason: 'Forbidden',
      message: 'podgroups.scheduling.k8s.io "pg" is forbidden: no PriorityClass with name missing was found',
    });
  });
});
