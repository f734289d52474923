// Size budgets, checked by `npm test` (size-limit): the host loader and each field frame's app
// (its entry module, the chunks its page preloads, and its stylesheet), minified and gzipped.
// Frame pages are read from dist/frame, so run `npm run build` first.
const { readFileSync, readdirSync } = require('node:fs')
const { join } = require('node:path')

const dir = process.env.SF_FRAME_OUT || 'dist/frame'

/** The assets a frame page loads before it boots. */
function pageAssets(page) {
  const html = readFileSync(join(dir, `${page}.html`), 'utf8')
  return [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => join(dir, m[1]))
}

const fieldPages = readdirSync(dir)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.slice(0, -5))
  .filter((p) => ['card', 'ssn', 'text'].includes(p))

// The composer guard's detector and masking, one chunk per loader, fetched when guardComposer runs.
const maskerChunks = readdirSync(join(dir, 'assets')).filter((f) => /^composer-masker-.*\.js$/.test(f))

module.exports = [
  // Both loaders carry guardComposer's listeners (about 1.1 KB); the rest of it loads on use, below.
  { name: 'host loader (secure-fields.js, Lit included)', path: join(dir, 'secure-fields.js'), limit: '13.5 KB', gzip: true },
  { name: 'agent loader (secure-fields-agent.js, Lit included)', path: join(dir, 'secure-fields-agent.js'), limit: '12.5 KB', gzip: true },
  ...fieldPages.map((page) => ({ name: `${page} frame app`, path: pageAssets(page), limit: '35 KB', gzip: true })),
  ...maskerChunks.map((file) => ({ name: `composer guard, loaded on use (${file})`, path: join(dir, 'assets', file), limit: '14 KB', gzip: true })),
]
