// Prints one plain closing line, `jest: N passed, N failed, N skipped`, as the very last line of the
// run (CI reads closing lines; Jest's own summary says `Tests: N passed, N total` and is not last).
import { writeSync } from 'node:fs';

export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    const line = `jest: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped\n`;
    process.once('exit', () => writeSync(1, line));
  }
}
