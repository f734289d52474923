/**
 * Builds what the frame origin serves (`dist/frame/`): one HTML page per frame kind, their
 * modules and styles, and `secure-fields.js`, the single-file loader a host page includes with one
 * script tag, built by `vite.loader.config.ts`. `npm run build` (scripts/build.mjs) runs both.
 */
import { defineConfig } from 'vite'
import { readdirSync } from 'node:fs'
import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, 'src/frame/pages')
// SF_FRAME_OUT lets parallel builds (several test runs at once) use their own folders.
const outDir = resolve(import.meta.dirname, process.env.SF_FRAME_OUT ?? 'dist/frame')
// Every page in src/frame/pages is a frame kind: card, ssn, text, gate, reveal…
const pages = readdirSync(root)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.slice(0, -'.html'.length))
// Pages that open envelopes (the reveal desk) are built on their own, in a second pass
// (SF_FRAME_ISOLATED=1, scripts/build.mjs): in one build, Rollup would put the recipient-side
// crypto they use into chunks the field frames share, and every field frame would load it.
const ISOLATED = ['reveal']
const isolated = process.env.SF_FRAME_ISOLATED === '1'
const built = pages.filter((p) => ISOLATED.includes(p) === isolated)

/** The frame pages: strict CSP means no inline script, so no module-preload polyfill. */
export default defineConfig({
  root,
  base: './',
  logLevel: 'warn',
  build: {
    outDir,
    emptyOutDir: !isolated,
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    rollupOptions: {
      input: Object.fromEntries(built.map((p) => [p, resolve(root, `${p}.html`)])),
    },
  },
})
