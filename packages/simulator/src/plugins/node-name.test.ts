import { attempt, node, pod, setup } from '../test-support/builders.js';
import { NAME } from './node-name.js';

describe(NAME, () => {
  it('NodeName rejects other nodes as UnschedulableAndUnresolvable', () => {
    const { scheduler } = setup([node('n1'), node('n2')]);
    const result = attempt(scheduler, pod('p', { nodeName: 'n2' }));
    expect(result.nodeName).toBe('n2');
    expect(attempt(scheduler, pod('q', { nodeName: 'gone' })).fitError?.statuses.get('n1')).toEqual({
      plugin: 'NodeName',
      code: 'UnschedulableAndUnresolvable',
      reasons: ["node(s) didn't match the requested node name"],
    });
  });
});
