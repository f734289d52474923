/**
 * The frame origin server: serves the built frame pages (`dist/frame/`) and the loader with the
 * deployment's policy — allowed parents, pinned recipient keys, kinds that need consent — inlined
 * into every page and published as `policy.json`. Desk keys registered at run time (the agent
 * side) join the pinned set through {@link FrameServer.pinKey}, or over HTTP through the admin
 * route (`admin-routes.ts`) when an `adminToken` is configured.
 *
 * @module
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { FramePolicy } from '../../protocol/policy.js'
import { SecureFieldsError, ErrorCodes } from '../../errors.js'
import { COMMON_HEADERS, corsHeaders, pageHeaders } from './headers.js'
import { policyKeysRoute } from './admin-routes.js'

/** Options of {@link startFrameServer}. */
export interface FrameServerOptions {
  /** Port (0: any free port). */
  port: number
  /** Interface to listen on; default loopback. */
  host?: string
  /** Folder of the built frames; default `dist/frame` under the working directory. */
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

/** The shortest admin token accepted (it guards who may add recipient keys). */
export const MIN_ADMIN_TOKEN = 32

/** Starts the server; resolves once it listens. */
export async function startFrameServer(options: FrameServerOptions): Promise<FrameServer> {
  const root = resolve(options.dir ?? 'dist/frame')
  const policy: FramePolicy = {
    allowedParents: [...options.allowParents],
    ...(options.pinnedKeys ? { pinnedKeys: [...options.pinnedKeys] } : {}),
    requireConsent: [...(options.requireConsent ?? [])],
    requirePq: [...(options.requirePq ?? [])],
    ...(options.demo ? { demo: true as const } : {}),
  }
  const cache = new Map<string, Buffer>()
  const pinned = {
    has: (kid: string) => policy.pinnedKeys?.includes(kid) ?? false,
    pin(kid: string) {
      policy.pinnedKeys ??= []
      if (!policy.pinnedKeys.includes(kid)) policy.pinnedKeys.push(kid)
    },
    unpin(kid: string) {
      if (policy.pinnedKeys) policy.pinnedKeys = policy.pinnedKeys.filter((k) => k !== kid)
    },
  }
  if (options.adminToken !== undefined && options.adminToken.length < MIN_ADMIN_TOKEN) {
    throw new SecureFieldsError(ErrorCodes.INPUT_INVALID, `The admin token must be at least ${MIN_ADMIN_TOKEN} characters.`)
  }
  const adminRoute = policyKeysRoute(options.adminToken, pinned)

  async function file(path: string): Promise<Buffer | undefined> {
    if (cache.has(path)) return cache.get(path)
    try {
      const body = await readFile(path)
      cache.set(path, body)
      return body
    } catch {
      return undefined
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (options.routes && (await options.routes(req, res))) return
    if (await adminRoute(req, res)) return
    const url = new URL(req.url ?? '/', 'http://frame-origin')
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...COMMON_HEADERS, Allow: 'GET, HEAD' }).end()
      return
    }
    if (url.pathname === '/policy.json') {
      res.writeHead(200, { ...COMMON_HEADERS, 'Content-Type': CONTENT_TYPES['.json']!, 'Cache-Control': 'no-store' }).end(JSON.stringify(policy))
      return
    }
    // Resolve inside the root only: no traversal, no dotfiles.
    const relative = normalize(decodeURIComponent(url.pathname)).replace(/^[/\\]+/, '')
    const path = join(root, relative || 'index.html')
    if (!path.startsWith(root + sep) || relative.split(/[/\\]/).some((s) => s.startsWith('.'))) {
      res.writeHead(404, COMMON_HEADERS).end()
      return
    }
    const body = await file(path)
    if (!body) {
      res.writeHead(404, COMMON_HEADERS).end()
      return
    }
    const type = CONTENT_TYPES[extname(path)] ?? 'application/octet-stream'
    if (extname(path) === '.html') {
      // The policy travels inside the page: the frame reads it without another request.
      const meta = `<meta name="secure-fields-policy" content="${escapeAttribute(JSON.stringify(policy))}" />`
      const html = body.toString('utf8').replace('<head>', `<head>\n    ${meta}`)
      res.writeHead(200, { ...pageHeaders(policy), 'Content-Type': type }).end(req.method === 'HEAD' ? undefined : html)
      return
    }
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined
    res
      .writeHead(200, {
        ...COMMON_HEADERS,
        ...corsHeaders(policy, origin),
        'Content-Type': type,
        // Hashed assets never change; the loader and pages must stay fresh.
        'Cache-Control': relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      })
      .end(req.method === 'HEAD' ? undefined : body)
  }

  const server: Server = createServer((req, res) => {
    const started = Date.now()
    handle(req, res)
      .catch(() => {
        if (!res.headersSent) res.writeHead(500, COMMON_HEADERS)
        res.end()
      })
      .finally(() => options.log?.(`${req.method} ${new URL(req.url ?? '/', 'http://x').pathname} ${res.statusCode} ${Date.now() - started}ms`))
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
