/**
 * The loaders, each one self-contained ES module with Lit included, served from the frame origin
 * so elements find their frames beside them (`import.meta.url`):
 * `secure-fields.js` (fields and consent gate, for customer pages) and, with SF_LOADER=agent,
 * `secure-fields-agent.js` (`<secure-reveal>`, for agent consoles).
 */
import { defineConfig } from 'vite'
import { resolve } from 'node:path'

const agent = process.env.SF_LOADER === 'agent'

export default defineConfig({
  base: './',
  logLevel: 'warn',
  build: {
    outDir: resolve(import.meta.dirname, process.env.SF_FRAME_OUT ?? 'dist/frame'),
    emptyOutDir: false,
    target: 'es2022',
    // Vite keeps an ES library's whitespace for consumers' bundlers; these files are served as
    // they are, so ask the bundler to minify its output fully.
    // The composer guard's detector is imported on first use: a chunk of its own under assets/
    // (immutable caching), so pages that never guard a composer never download it.
    // The loader may export a few more bindings for that chunk to import, so that code both need
    // stays in the loader rather than in a third file every page would have to fetch.
    rolldownOptions: { preserveEntrySignatures: 'allow-extension', output: { minify: true, chunkFileNames: 'assets/[name]-[hash].js' } },
    lib: {
      entry: resolve(import.meta.dirname, agent ? 'src/host/agent-loader.ts' : 'src/host/loader.ts'),
      formats: ['es'],
      fileName: () => (agent ? 'secure-fields-agent.js' : 'secure-fields.js'),
    },
  },
})
