// Browser tests in real headless Chromium. The crypto, validate, protocol and i18n tests run here
// as in Node; host and element tests run here only, against the real frames served by the frame
// origin server (test/support/wtr-frame-origin.mjs) on a second origin.
import { build } from 'esbuild'
import { defaultReporter } from '@web/test-runner'
import { chromeLauncher } from '@web/test-runner-chrome'
import { esbuildPlugin } from '@web/dev-server-esbuild'
import { chromePath, chromeArgs } from './scripts/chrome.mjs'
import { countReporter } from './test/support/wtr-count-reporter.mjs'
import { echoMiddleware, frameOriginPlugin } from './test/support/wtr-frame-origin.mjs'
import { browserCommandsPlugin } from './test/support/wtr-commands.mjs'
import { frameProbePlugin } from './test/support/wtr-frame-probe.mjs'

const HOST_PORT = Number(process.env.SF_TEST_HOST_PORT ?? 8000)
const FRAME_PORT = Number(process.env.SF_TEST_FRAME_PORT ?? 8765)
const groups = process.env.SF_BROWSER_FILES?.split(',')

/** CommonJS-only dependencies, converted to ES modules for the browser (Vite does this in builds). */
const COMMONJS = ['/node_modules/credit-card-type/dist/index.js']

export default {
  rootDir: '.',
  port: HOST_PORT,
  nodeResolve: { exportConditions: ['production'] },
  files: groups ?? ['test/{crypto,validate,protocol,frame,host,react,a11y}/**/*.test.ts'],
  // One page at a time: only the focused page of a browser gets key events, and the element tests
  // type through real keys.
  concurrency: 1,
  browserStartTimeout: 60000,
  testsFinishTimeout: 600000,
  testFramework: { config: { timeout: 30000 } },
  middleware: [echoMiddleware()],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
    {
      // Dev dependencies (the @hpke family) fall back to `import("crypto")`; give the browser WebCrypto.
      name: 'node-crypto-stub',
      resolveImport: ({ source }) => (source === 'crypto' || source === 'node:crypto' ? '/test/support/node-crypto-stub.js' : undefined),
    },
    {
      name: 'commonjs-to-esm',
      async serve(context) {
        if (!COMMONJS.some((p) => context.path.endsWith(p))) return undefined
        const out = await build({ entryPoints: [`.${context.path}`], bundle: true, format: 'esm', write: false, logLevel: 'silent' })
        return { body: out.outputFiles[0].text, type: 'js' }
      },
    },
    {
      // React is CommonJS only: the React test loads React, React DOM and our components as one
      // esbuild bundle (one React instance).
      name: 'react-bundle',
      async serve(context) {
        if (context.path !== '/__sf/react-bundle.js') return undefined
        const out = await build({
          entryPoints: ['test/support/react-bundle.ts'],
          bundle: true,
          format: 'esm',
          write: false,
          logLevel: 'silent',
          tsconfig: 'tsconfig.json',
          define: { 'process.env.NODE_ENV': '"development"' },
        })
        return { body: out.outputFiles[0].text, type: 'js' }
      },
    },
    frameOriginPlugin({ hostPort: HOST_PORT, framePort: FRAME_PORT }),
    browserCommandsPlugin(),
    frameProbePlugin(),
  ],
  browsers: [chromeLauncher({ launchOptions: { executablePath: chromePath(), headless: true, args: chromeArgs } })],
  reporters: [defaultReporter({ reportTestResults: true, reportTestProgress: false }), countReporter()],
}
