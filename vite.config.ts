/**
 * Builds what the frame origin serves (`dist/frame/`): one HTML page per frame kind, their
 * modules and styles, and `secure-fields.js`, the single-file loader a host page includes with one
 * script tag, built by `vite.loader.config.ts`. `npm run build` (scripts/build.mjs) runs both.
 */
import { defineConfig } from 'vite'
import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, 'src/frame/pages')
const outDir = resolve(import.meta.dirname, 'dist/frame')
const pages = ['card'] as const

/** The frame pages: strict CSP means no inline script, so no module-preload polyfill. */
export default defineConfig({
  root,
  base: './',
  logLevel: 'warn',
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    rollupOptions: {
      input: Object.fromEntries(pages.map((p) => [p, resolve(root, `${p}.html`)])),
    },
  },
})
