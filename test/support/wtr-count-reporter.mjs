// A web-test-runner reporter that writes the pass/fail counts of every browser test (and counts a
// test file that failed to load as one failure) for the project's test summary.
import { writeFileSync } from 'node:fs'

function countSuite(suite, counts) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped++
    else if (test.passed) counts.passed++
    else counts.failed++
  }
  for (const child of suite.suites ?? []) countSuite(child, counts)
}

export function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 }
      for (const file of sessions) {
        if (file.testResults) countSuite(file.testResults, counts)
        // A file whose module failed to load or that threw outside a test has errors and no results.
        if (!file.passed && (file.errors?.length ?? 0) > 0) counts.failed++
      }
      if (process.env.SF_RESULT_FILE) writeFileSync(process.env.SF_RESULT_FILE, JSON.stringify(counts))
    },
  }
}
