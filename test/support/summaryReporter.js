// Prints the one closing line CI reads: "tests: N passed, N failed". A skipped or todo test counts
// as failed: the suite must run every test it declares, so a skip cannot pass CI unnoticed.
class SummaryReporter {
  constructor(globalConfig) {
    // `jest -t pattern` skips the tests it does not select; that is the developer's choice.
    this.filtered = Boolean(globalConfig.testNamePattern);
  }

  onRunComplete(_contexts, results) {
    const notRun = this.filtered ? 0 : results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites + notRun;
    this.lastError =
      notRun > 0 ? new Error(`${notRun} skipped or todo tests, counted as failed`) : undefined;
    if (this.lastError) process.stdout.write(`\n${this.lastError.message}`);
    process.stdout.write(`\ntests: ${results.numPassedTests} passed, ${failed} failed\n`);
  }

  // jest ends a run with a failing exit code when a reporter reports an error.
  getLastError() {
    return this.lastError;
  }
}
module.exports = SummaryReporter;
