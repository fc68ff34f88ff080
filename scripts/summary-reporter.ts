import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with one plain line, "Tests: N passed, N failed, N skipped", which CI reads
 * to tell a run that tested something from one that ran nothing. A file that fails outside its
 * tests counts as a failure.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const count = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      let failedTests = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') count.passed++;
        else if (state === 'failed') failedTests++;
        else count.skipped++;
      }
      // A file that failed outside its tests (an import, a beforeAll that timed out, its tests then
      // skipped) is one failure more: never "0 failed".
      count.failed += failedTests > 0 || module.state() !== 'failed' ? failedTests : 1;
    }
    count.failed += unhandledErrors.length;
    process.stdout.write(`\nTests: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n`);
  }
}
