// Size budgets, checked by `npm test` (size-limit): the host loader and each field frame's app
// (its entry module, the chunks its page preloads, and its stylesheet), minified and gzipped.
// Frame pages are read from dist/frame, so run `npm run build` first.
const { existsSync, readFileSync, readdirSync } = require('node:fs')
const { join } = require('node:path')
// The registry of pages and their budgets (src/protocol/kinds.ts), read through tsx.
const { FRAME_PAGES } = require('tsx/cjs/api').require('./src/protocol/kinds.ts', __filename)

const dir = process.env.SF_FRAME_OUT || 'dist/frame'

/** The assets a frame page loads before it boots. */
function pageAssets(page) {
  const html = readFileSync(join(dir, `${page}.html`), 'utf8')
  return [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => join(dir, m[1]))
}

// Following the page's color scheme (transparent frames on dark pages, dark defaults) added about
// 0.3 KB to the host loader and the card frame: their budgets grew by 0.5 KB with it.
//
// The frame controller (one owner of every element's frame: the configuration checked against
// what the frame takes before it is sent, the failure model derived from the frame's verdicts,
// the waiters, the form validity mapping) measures about 1.5 KB over the hooks it replaced: a
// configuration the frame would drop is refused on the page instead of leaving seal() waiting for
// a verdict that never comes. The loaders' budgets grew by 2 KB and 1 KB (the agent loader
// carries only the desk's share).
//
// Each field frame has its own budget (`budget` in FRAME_PAGES), about 0.7 KB over what it
// measures, since their sizes now differ by up to 9 KB (the card and SSN frames no longer carry
// imask; the text frame does, and the linear-time pattern engine): one budget for all three would
// let the small ones grow unnoticed. Taking key sets and post-quantum keys costs each field
// ~0.85 KB (the recipient policy checks and the loader of that code); the key-set code and the
// post-quantum suite are chunks of their own, loaded only by a field configured with such keys,
// and not counted here.
const budgeted = Object.entries(FRAME_PAGES).filter(([, page]) => page.budget)

// Both loaders export guardComposer (the composer guard): its listeners, about 1.1 KB, are in each
// loader (measured 13.27 and 12.19 kB, against 12.18 and 11.09 kB without it; with the frame
// controller 15.04 and 13.66 kB); the budgets are what they measure plus about 0.5 KB. The
// detector it needs — the card, SSN and IBAN rules with credit-card-type and ibantools, and the
// masking — is a chunk of its own per loader (12.9 kB), fetched only when guardComposer first
// runs, and has its own budget on the same terms.
const assets = join(dir, 'assets')
// A build without the composer guard's chunk (a test's partial build) has no such budget to check.
const maskerChunks = existsSync(assets) ? readdirSync(assets).filter((f) => /^composer-masker-.*\.js$/.test(f)) : []

module.exports = [
  { name: 'host loader (secure-fields.js, Lit included)', path: join(dir, 'secure-fields.js'), limit: '15.5 KB', gzip: true },
  { name: 'agent loader (secure-fields-agent.js, Lit included)', path: join(dir, 'secure-fields-agent.js'), limit: '14.25 KB', gzip: true },
  ...budgeted.map(([page, { budget }]) => ({ name: `${page} frame app`, path: pageAssets(page), limit: budget, gzip: true })),
  ...maskerChunks.map((file) => ({ name: `composer guard, loaded on use (${file})`, path: join(assets, file), limit: '13.5 KB', gzip: true })),
]
