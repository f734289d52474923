// Mocha's spec reporter, plus a small JSON file with the counts for the project's test summary.
const Mocha = require('mocha')
const { writeFileSync } = require('node:fs')

class CountReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options)
    const counts = { passed: 0, failed: 0, skipped: 0 }
    runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, () => counts.passed++)
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, () => counts.failed++)
    runner.on(Mocha.Runner.constants.EVENT_TEST_PENDING, () => counts.skipped++)
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      if (process.env.SF_RESULT_FILE) writeFileSync(process.env.SF_RESULT_FILE, JSON.stringify(counts))
    })
  }
}
module.exports = CountReporter
