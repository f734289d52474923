/**
 * `npm run bench:wire`: the bytes the frame origin sends over the wire for each frame page (the
 * page, the modules and stylesheets it loads before it boots, its static imports followed) and
 * each loader, as `secure-fields serve` answers a browser that accepts Brotli, and gzip, and
 * neither. Response bodies only, counted as they arrive on the socket (no decoding). Figures are
 * printed, never asserted.
 */
import { request } from 'node:http'
import { readdirSync } from 'node:fs'
import { startFrameServer } from '../src/node/frame-server/server.js'
import { table } from './measure.js'

const dir = process.env.SF_FRAME_OUT ?? 'dist/frame'
const PARENT = 'http://localhost:5373'

/** GETs `path` and resolves with the body as received (still encoded) and the response headers. */
function get(port: number, path: string, acceptEncoding: string | undefined): Promise<{ status: number; body: Buffer; encoding: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Origin: PARENT }
    if (acceptEncoding) headers['Accept-Encoding'] = acceptEncoding
    request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), encoding: String(res.headers['content-encoding'] ?? 'identity') }))
      res.on('error', reject)
    })
      .on('error', reject)
      .end()
  })
}

/** What a page loads before it boots: its assets, and their static imports, transitively. */
async function pageResources(port: number, page: string): Promise<string[]> {
  const html = (await get(port, `/${page}.html`, undefined)).body.toString('utf8')
  const queue = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => `/${m[1]}`)
  const seen = new Set<string>([`/${page}.html`])
  while (queue.length) {
    const path = queue.shift()!
    if (seen.has(path)) continue
    seen.add(path)
    if (!path.endsWith('.js')) continue
    const code = (await get(port, path, undefined)).body.toString('utf8')
    for (const m of code.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)) queue.push(`/assets/${m[1]}`)
  }
  return [...seen]
}

const server = await startFrameServer({ port: 0, dir, allowParents: [PARENT], pinnedKeys: [] })
try {
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.slice(0, -'.html'.length))
  const loaders = readdirSync(dir).filter((f) => /^secure-fields.*\.js$/.test(f))
  const groups: Array<[string, string[]]> = [
    ...(await Promise.all(pages.map(async (p): Promise<[string, string[]]> => [`${p} frame`, await pageResources(server.port, p)]))),
    ...loaders.map((l): [string, string[]] => [`${l} (loader)`, [`/${l}`]]),
  ]
  const rows: string[][] = []
  for (const [name, paths] of groups) {
    const sizes = { identity: 0, gzip: 0, br: 0 }
    const used = new Set<string>()
    for (const path of paths) {
      for (const [key, accept] of [['identity', undefined], ['gzip', 'gzip'], ['br', 'br, gzip']] as const) {
        const r = await get(server.port, path, accept)
        if (r.status !== 200) throw new Error(`${path}: HTTP ${r.status}`)
        sizes[key] += r.body.length
        if (key !== 'identity') used.add(r.encoding)
      }
    }
    rows.push([name, String(paths.length), String(sizes.identity), String(sizes.gzip), String(sizes.br), [...used].join('/')])
  }
  console.log(`\nBytes on the wire (response bodies) from the frame origin, ${dir}:\n`)
  table(['what', 'files', 'uncompressed', 'gzip accepted', 'br accepted', 'encodings sent'], rows)
} finally {
  await server.close()
}
