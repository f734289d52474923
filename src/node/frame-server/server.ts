/**
 * The frame origin server: serves the built frame pages (`dist/frame/`) and the loader with the
 * deployment's policy — allowed parents, pinned recipient keys, kinds that need consent — inlined
 * into every page and published as `policy.json`. Desk keys registered at run time (the agent
 * side) join the pinned set through {@link FrameServer.pinKey}, or over HTTP through the admin
 * route (`admin-routes.ts`) when an `adminToken` is configured.
 *
 * @module
 */
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { parentAllowed, type FramePolicy } from '../../protocol/policy.js'
import { SecureFieldsError, ErrorCodes } from '../../errors.js'
import { cacheControl, COMMON_HEADERS, corsHeaders, pageHeaders } from './headers.js'
import { policyKeysRoute } from './admin-routes.js'
import { CodedBody, compressible, negotiateCoding } from './encoding.js'
import { isLoader, packageFrameDir } from './frames-dir.js'
import { REFUSED_LOADER_SOURCE } from './refused-loader.js'

/** Options of {@link startFrameServer}. */
export interface FrameServerOptions {
  /** Port (0: any free port). */
  port: number
  /** Interface to listen on; default loopback. */
  host?: string
  /** Folder of the built frames; default this package's own `dist/frame`. */
  dir?: string
  /** Origins allowed to embed the frames. */
  allowParents: string[]
  /**
   * Thumbprints of recipient keys fields may seal to. Omitted: pinning is off (any key). An array,
   * even empty, turns it on: only these keys, plus those added later with `pinKey`.
   */
  pinnedKeys?: string[]
  /** Field kinds that may only seal behind a consent gate. */
  requireConsent?: string[]
  /** Envelope kinds (`ssn`, `card`…) that may only be sealed to post-quantum keys (`HPKE-9`, `HPKE-9-KE`). */
  requirePq?: string[]
  /** Called once per request with a one-line summary (never a body). */
  log?: (line: string) => void
  /**
   * Bearer token of the admin route (`POST /policy/keys`, `DELETE /policy/keys/<kid>`) that pins
   * and unpins desk keys at run time. Omitted: the route is off (404).
   */
  adminToken?: string
  /**
   * A demo origin for Storybook and design reviews: frames fill in the `demo` values of their
   * configuration (sample data, a gate that starts consented, a desk that shows a value without
   * an envelope). NEVER in production: it lets the embedding page choose what a field holds and
   * what a desk shows. The `secure-fields serve` CLI has no option for it.
   */
  demo?: boolean
  /** Extra routes, tried before the static files (the demo mounts its API here). */
  routes?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>
}

/** A running frame server. */
export interface FrameServer {
  /** `http://127.0.0.1:PORT` — what Node clients connect to. */
  readonly url: string
  readonly port: number
  /** The live policy (a copy). */
  policy(): FramePolicy
  /** Adds a recipient key (by thumbprint) to the pinned set. */
  pinKey(kid: string): void
  /** Removes a key from the pinned set. */
  unpinKey(kid: string): void
  close(): Promise<void>
}

/** Content types of the files a frame origin (or a static site beside it) serves, by extension. */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/** A file as served: its bytes and coded forms, and its strong validator. */
interface StaticFile {
  coded: CodedBody
  etag: string
}

/** A strong ETag from the content (RFC 9110 §8.8.3): the same bytes, the same tag, on every server. */
const etagOf = (body: Buffer) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`

/** Whether `If-None-Match` names `etag` (or `*`): the client's copy is current (RFC 9110 §13.1.2). */
function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '')
    return tag === '*' || tag === etag
  })
}

/** The path of a request target for the log: never the query, and only printable characters. */
function logPath(target: string | undefined): string {
  let path: string
  try {
    path = new URL(target ?? '/', 'http://x').pathname
  } catch {
    path = '(not a URL)'
  }
  return path.slice(0, 200).replace(/[^\x21-\x7e]/g, '?')
}

/** The shortest admin token accepted (it guards who may add recipient keys). */
export const MIN_ADMIN_TOKEN = 32

/** Starts the server; resolves once it listens. */
export async function startFrameServer(options: FrameServerOptions): Promise<FrameServer> {
  const root = resolve(options.dir ?? packageFrameDir())
  const policy: FramePolicy = {
    allowedParents: [...options.allowParents],
    ...(options.pinnedKeys ? { pinnedKeys: [...options.pinnedKeys] } : {}),
    requireConsent: [...(options.requireConsent ?? [])],
    requirePq: [...(options.requirePq ?? [])],
    ...(options.demo ? { demo: true as const } : {}),
  }
  const files = new Map<string, Promise<StaticFile | undefined>>()
  // Pages with the policy inlined, coded once per policy: a pinned or unpinned key empties it.
  const pages = new Map<string, CodedBody>()
  const policyChanged = () => pages.clear()
  const pinned = {
    has: (kid: string) => policy.pinnedKeys?.includes(kid) ?? false,
    pin(kid: string) {
      policy.pinnedKeys ??= []
      if (!policy.pinnedKeys.includes(kid)) policy.pinnedKeys.push(kid)
      policyChanged()
    },
    unpin(kid: string) {
      if (policy.pinnedKeys) policy.pinnedKeys = policy.pinnedKeys.filter((k) => k !== kid)
      policyChanged()
    },
  }
  if (options.adminToken !== undefined && options.adminToken.length < MIN_ADMIN_TOKEN) {
    throw new SecureFieldsError(ErrorCodes.INPUT_INVALID, `The admin token must be at least ${MIN_ADMIN_TOKEN} characters.`)
  }
  const adminRoute = policyKeysRoute(options.adminToken, pinned)
  const refusedLoader = new CodedBody(Buffer.from(REFUSED_LOADER_SOURCE, 'utf8'), CONTENT_TYPES['.js']!)

  /** A file of the frames folder, read once, with its ETag and its coded forms. */
  function file(path: string): Promise<StaticFile | undefined> {
    let pending = files.get(path)
    if (!pending) {
      pending = readFile(path).then(
        (body) => ({ coded: new CodedBody(body, CONTENT_TYPES[extname(path)] ?? 'application/octet-stream'), etag: etagOf(body) }),
        () => undefined,
      )
      files.set(path, pending)
      // A missing file may appear later (a build in progress): only found files stay cached.
      void pending.then((found) => found ?? files.delete(path))
    }
    return pending
  }

  /** Sends `body` coded as the request accepts, with `headers`; HEAD gets the headers only. */
  async function send(req: IncomingMessage, res: ServerResponse, body: CodedBody, headers: Record<string, string>, etag?: string): Promise<void> {
    const { bytes, coding } = await body.forCoding(negotiateCoding(req.headers['accept-encoding']))
    const vary = [headers.Vary, compressible(body.contentType, body.body.length) ? 'Accept-Encoding' : undefined].filter(Boolean).join(', ')
    // A coded body is another representation: it gets its own strong validator (RFC 9110 §8.8.3).
    const tag = etag && (coding ? `"${etag.slice(1, -1)}-${coding}"` : etag)
    const common = { ...headers, ...(vary ? { Vary: vary } : {}), ...(tag ? { ETag: tag } : {}) }
    if (tag && ifNoneMatch(req.headers['if-none-match'], tag)) {
      res.writeHead(304, common).end()
      return
    }
    res
      .writeHead(200, { ...common, 'Content-Type': body.contentType, 'Content-Length': String(bytes.length), ...(coding ? { 'Content-Encoding': coding } : {}) })
      .end(req.method === 'HEAD' ? undefined : bytes)
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let pathname: string
    try {
      // A request target that is not a URL, or a path with a broken escape (`/%`), is the
      // client's error: 400, before any route sees it.
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://frame-origin').pathname)
    } catch {
      res.writeHead(400, COMMON_HEADERS).end()
      return
    }
    if (options.routes && (await options.routes(req, res))) return
    if (await adminRoute(req, res)) return
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...COMMON_HEADERS, Allow: 'GET, HEAD' }).end()
      return
    }
    if (pathname === '/policy.json') {
      const body = new CodedBody(Buffer.from(JSON.stringify(policy), 'utf8'), CONTENT_TYPES['.json']!)
      await send(req, res, body, { ...COMMON_HEADERS, 'Cache-Control': cacheControl('policy.json') })
      return
    }
    // Resolve inside the root only: no traversal, no dotfiles.
    const relative = normalize(pathname).replace(/^[/\\]+/, '')
    const path = join(root, relative || 'index.html')
    if (!path.startsWith(root + sep) || relative.split(/[/\\]/).some((s) => s.startsWith('.'))) {
      res.writeHead(404, COMMON_HEADERS).end()
      return
    }
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined
    if (isLoader(relative) && origin !== undefined && !parentAllowed(policy, origin)) {
      // The browser would block the loader (CORS) and the page would never learn why: it gets a
      // module that says so instead, readable from any origin and never stored.
      options.log?.(`refused the loader to ${JSON.stringify(origin.slice(0, 200))}: not an allowed parent`)
      await send(req, res, refusedLoader, { ...COMMON_HEADERS, 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin', 'Cache-Control': 'no-store', Vary: 'Origin' })
      return
    }
    const found = await file(path)
    if (!found) {
      res.writeHead(404, COMMON_HEADERS).end()
      return
    }
    if (extname(path) === '.html') {
      // The policy travels inside the page: the frame reads it without another request.
      const key = JSON.stringify(policy)
      let page = pages.get(`${path}\n${key}`)
      if (!page) {
        const meta = `<meta name="secure-fields-policy" content="${escapeAttribute(key)}" />`
        page = new CodedBody(Buffer.from(found.coded.body.toString('utf8').replace('<head>', `<head>\n    ${meta}`), 'utf8'), found.coded.contentType)
        pages.set(`${path}\n${key}`, page)
      }
      await send(req, res, page, pageHeaders(policy))
      return
    }
    const headers = { ...COMMON_HEADERS, ...corsHeaders(policy, origin), 'Cache-Control': cacheControl(relative), ...(isLoader(relative) ? { Vary: 'Origin' } : {}) }
    await send(req, res, found.coded, headers, found.etag)
  }

  const server: Server = createServer((req, res) => {
    const started = Date.now()
    handle(req, res)
      .catch(() => {
        if (!res.headersSent) res.writeHead(500, COMMON_HEADERS)
        res.end()
      })
      .finally(() => options.log?.(`${req.method} ${logPath(req.url)} ${res.statusCode} ${Date.now() - started}ms`))
  })
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolveListen())
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    policy: () => structuredClone(policy),
    pinKey: pinned.pin,
    unpinKey: pinned.unpin,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r())
        server.closeAllConnections()
      }),
  }
}
