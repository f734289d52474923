// Browser tests in real headless Chromium. The crypto, validate and protocol tests run here as in
// Node; host, frame and element tests run only here.
import { defaultReporter } from '@web/test-runner'
import { chromeLauncher } from '@web/test-runner-chrome'
import { esbuildPlugin } from '@web/dev-server-esbuild'
import { chromePath, chromeArgs } from './scripts/chrome.mjs'
import { countReporter } from './test/support/wtr-count-reporter.mjs'

const groups = process.env.SF_BROWSER_FILES?.split(',')

export default {
  rootDir: '.',
  nodeResolve: true,
  files: groups ?? ['test/{crypto,validate,protocol}/**/*.test.ts'],
  concurrency: 2,
  browserStartTimeout: 60000,
  testsFinishTimeout: 300000,
  testFramework: { config: { timeout: 20000 } },
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
    {
      // Dev dependencies (the @hpke family) fall back to `import("crypto")`; give the browser WebCrypto.
      name: 'node-crypto-stub',
      resolveImport: ({ source }) => (source === 'crypto' || source === 'node:crypto' ? '/test/support/node-crypto-stub.js' : undefined),
    },
  ],
  browsers: [chromeLauncher({ launchOptions: { executablePath: chromePath(), headless: true, args: chromeArgs } })],
  reporters: [defaultReporter({ reportTestResults: true, reportTestProgress: false }), countReporter()],
}
