// Cases from upstream pkg/scheduler/framework/plugins/schedulinggates/scheduling_gates_test.go TestPreEnqueue.

import { simulationInput } from '../input.js';
import { Simulation } from '../simulation.js';
import { node, pod } from '../test-support/builders.js';
import { gatesOf, NAME, preEnqueue } from './scheduling-gates.js';

describe(NAME, () => {
  it('admits a pod without gates ("pod does not carry scheduling gates")', () => {
    expect(preEnqueue(pod('p'))).toBeUndefined();
    expect(preEnqueue(pod('p', { schedulingGates: [] }))).toBeUndefined();
  });

  it('holds a pod with gates, naming them in spec order as Go prints a []string ("pod carries scheduling gates")', () => {
    const gated = pod('p', { schedulingGates: [{ name: 'foo' }, { name: 'bar' }] });
    expect(preEnqueue(gated)).toBe('waiting for scheduling gates: [foo bar]');
    expect(gatesOf(gated)).toEqual(['foo', 'bar']);
  });

  it('keeps a gated pod out of every cycle while its node has room, and reports the gates', () => {
    const gated = pod('p', { schedulingGates: [{ name: 'example.com/hold' }] });
    const result = new Simulation(simulationInput([node('n1'), gated])).runToQuiescence();
    expect(result.pods[0]).toMatchObject({ outcome: 'Gated', node: undefined, schedulingGates: ['example.com/hold'] });
    expect(result.bindings.size).toBe(0);
  });
});
