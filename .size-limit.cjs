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
//
// Each field frame has its own budget, about 0.7 KB over what it measures, since their sizes now
// differ by up to 9 KB (the card and SSN frames no longer carry imask; the text frame does, and the
// linear-time pattern engine): one budget for all three would let the small ones grow unnoticed.
// Taking key sets and post-quantum keys costs each field ~0.85 KB (the recipient policy checks and
// the loader of that code); the key-set code and the post-quantum suite are chunks of their own,
// loaded only by a field configured with such keys, and not counted here.
const FIELD_BUDGETS = { card: '28.5 KB', ssn: '24 KB', text: '32.5 KB' }

// Both loaders export guardComposer (the composer guard): its listeners, about 1.1 KB, are in each
// loader (measured 13.27 and 12.19 kB, against 12.18 and 11.09 kB without it); the budgets are
// what they measure plus about 0.5 KB. The detector it needs — the card, SSN and IBAN rules with
// credit-card-type and ibantools, and the masking — is a chunk of its own per loader (12.9 kB),
// fetched only when guardComposer first runs, and has its own budget on the same terms.
const maskerChunks = readdirSync(join(dir, 'assets')).filter((f) => /^composer-masker-.*\.js$/.test(f))

module.exports = [
  { name: 'host loader (secure-fields.js, Lit included)', path: join(dir, 'secure-fields.js'), limit: '13.75 KB', gzip: true },
  { name: 'agent loader (secure-fields-agent.js, Lit included)', path: join(dir, 'secure-fields-agent.js'), limit: '12.75 KB', gzip: true },
  ...fieldPages.map((page) => ({ name: `${page} frame app`, path: pageAssets(page), limit: FIELD_BUDGETS[page], gzip: true })),
  ...maskerChunks.map((file) => ({ name: `composer guard, loaded on use (${file})`, path: join(dir, 'assets', file), limit: '13.5 KB', gzip: true })),
]
