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

// Following the page's color scheme (transparent frames on dark pages, dark defaults) added about
// 0.3 KB to the host loader and the card frame: their budgets grew by 0.5 KB with it.
module.exports = [
  { name: 'host loader (secure-fields.js, Lit included)', path: join(dir, 'secure-fields.js'), limit: '12.5 KB', gzip: true },
  { name: 'agent loader (secure-fields-agent.js, Lit included)', path: join(dir, 'secure-fields-agent.js'), limit: '12 KB', gzip: true },
  ...fieldPages.map((page) => ({ name: `${page} frame app`, path: pageAssets(page), limit: '35.5 KB', gzip: true })),
]
