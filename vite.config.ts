/**
 * Builds what the frame origin serves (`dist/frame/`): one HTML page per frame kind, their
 * modules and styles, and `secure-fields.js`, the single-file loader a host page includes with one
 * script tag, built by `vite.loader.config.ts`. `npm run build` (scripts/build.mjs) runs both.
 */
import { defineConfig } from 'vite'
import { resolve } from 'node:path'
import { FRAME_PAGES, type PageBuild } from './src/protocol/kinds.js'

const root = resolve(import.meta.dirname, 'src/frame/pages')
// SF_FRAME_OUT lets parallel builds (several test runs at once) use their own folders.
const outDir = resolve(import.meta.dirname, process.env.SF_FRAME_OUT ?? 'dist/frame')
// Every registered frame page (src/protocol/kinds.ts), each `src/frame/pages/<page>.html`: card,
// ssn, text, gate, reveal… Pages that open envelopes (the reveal desk) are built on their own, in a
// second pass (SF_FRAME_ISOLATED=1, scripts/build.mjs): in one build, Rollup would put the
// recipient-side crypto they use into chunks the field frames share, and every field frame would
// load it.
const isolated = process.env.SF_FRAME_ISOLATED === '1'
const built = Object.entries(FRAME_PAGES as Record<string, PageBuild>)
  .filter(([, page]) => (page.isolated === true) === isolated)
  .map(([name]) => name)

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
