/**
 * The loader (`dist/frame/secure-fields.js`): every host element in one ES module, Lit included,
 * served from the frame origin so elements find their frames beside it (`import.meta.url`).
 */
import { defineConfig } from 'vite'
import { resolve } from 'node:path'

export default defineConfig({
  base: './',
  logLevel: 'warn',
  build: {
    outDir: resolve(import.meta.dirname, process.env.SF_FRAME_OUT ?? 'dist/frame'),
    emptyOutDir: false,
    target: 'es2022',
    // Vite keeps an ES library's whitespace for consumers' bundlers; this file is served as is,
    // so ask the bundler to minify its output fully.
    rolldownOptions: { output: { minify: true } },
    lib: {
      entry: resolve(import.meta.dirname, 'src/host/loader.ts'),
      formats: ['es'],
      fileName: () => 'secure-fields.js',
    },
  },
})
