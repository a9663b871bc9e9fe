import { failsAt, summarize } from './report.js';
import type { LintFinding } from './report.js';

const at = (severity: LintFinding['severity']) => ({ severity }) as LintFinding;

describe('failsAt (--fail-on)', () => {
  it('fails on findings at or above the threshold only', () => {
    expect(failsAt([at('warning')], 'error')).toBe(false);
    expect(failsAt([at('warning')], 'warning')).toBe(true);
    expect(failsAt([at('info')], 'warning')).toBe(false);
    expect(failsAt([at('info'), at('error')], 'info')).toBe(true);
    expect(failsAt([], 'info')).toBe(false);
  });

  it('summarize counts findings by severity', () => {
    expect(summarize(2, 5, [at('error'), at('info'), at('info')])).toEqual({ files: 2, objects: 5, errors: 1, warnings: 0, infos: 2 });
  });
});
