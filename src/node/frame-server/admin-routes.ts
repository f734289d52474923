/**
 * The frame origin's admin route: the chat server registers reveal desk keys (public JWKs made in
 * `<secure-reveal>` frames) so customers' fields may seal to them, and removes them again.
 *
 * - `POST /policy/keys` with a public JWK — X25519 (`HPKE-4`, `HPKE-4-KE`) or post-quantum `AKP`
 *   (`HPKE-9`, `HPKE-9-KE`) → validated, pinned, `201 {"kid"}` (`200` when it was pinned already);
 * - `DELETE /policy/keys/<kid>` → `204`, or `404` when that key is not pinned.
 *
 * Both need `Authorization: Bearer <admin token>`, compared in constant time. Without a token
 * configured the route does not exist (`404`), so a deployment never exposes it by accident. It is
 * meant server to server: no CORS, so no browser page can call it.
 *
 * @module
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { resolvePublic } from '../../crypto/resolve.js'
import { defaultSuites } from '../../crypto/defaults.js'
import { COMMON_HEADERS } from './headers.js'

/** The route's path prefix. */
export const POLICY_KEYS_PATH = '/policy/keys'

/** Largest accepted request body: an X25519 public JWK is about 150 bytes, a post-quantum one about 1.8 KB. */
const MAX_BODY = 4096
/** The shape of an RFC 7638 SHA-256 thumbprint in base64url. */
const KID = /^[A-Za-z0-9_-]{43}$/

/** What the route changes. */
export interface PinnedKeySet {
  has(kid: string): boolean
  pin(kid: string): void
  unpin(kid: string): void
}

/**
 * Constant-time token check: both sides are hashed first, so neither the token's length nor the
 * position of the first wrong character shows in the timing.
 */
export function tokenMatches(header: string | undefined, token: string): boolean {
  const presented = /^Bearer ([\x21-\x7e]+)$/.exec(header ?? '')?.[1] ?? ''
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest()
  return timingSafeEqual(digest(presented), digest(token)) && presented.length > 0
}

/** Sends a JSON answer (or none) and says the request was handled. */
function reply(res: ServerResponse, status: number, body?: unknown, extra: Record<string, string> = {}): true {
  const headers = { ...COMMON_HEADERS, 'Cache-Control': 'no-store', ...extra }
  if (body === undefined) res.writeHead(status, headers).end()
  else res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body))
  return true
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  let size = 0
  const chunks: Buffer[] = []
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY) {
      // Stop reading a body that is already too large; the 413 closes the connection.
      req.pause()
      return undefined
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * Makes the route handler: resolves `true` when it answered the request, `false` for any other
 * path. `token` undefined disables the route (every request to it gets `404`).
 */
export function policyKeysRoute(token: string | undefined, keys: PinnedKeySet): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  return async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://frame-origin').pathname
    if (path !== POLICY_KEYS_PATH && !path.startsWith(`${POLICY_KEYS_PATH}/`)) return false
    if (!token) return reply(res, 404)
    if (!tokenMatches(req.headers.authorization, token)) return reply(res, 401, { error: 'unauthorized' }, { 'WWW-Authenticate': 'Bearer' })
    if (path === POLICY_KEYS_PATH && req.method === 'POST') {
      const body = await readBody(req)
      if (body === undefined) return reply(res, 413, { error: 'too large' })
      let kid: string
      try {
        const jwk = JSON.parse(body) as Record<string, unknown>
        // A private JWK is refused outright: the frame origin never needs, nor keeps, one.
        if (typeof jwk !== 'object' || jwk === null || 'd' in jwk || 'priv' in jwk) throw new Error('private')
        kid = (await resolvePublic(jwk, defaultSuites())).kid
        // A `kid` that is not the key's thumbprint would pin one key under another's name.
        if (jwk.kid !== undefined && jwk.kid !== kid) throw new Error('kid')
      } catch {
        return reply(res, 400, { error: 'body must be a public JWK of HPKE-4, HPKE-4-KE, HPKE-9 or HPKE-9-KE' })
      }
      const known = keys.has(kid)
      keys.pin(kid)
      return reply(res, known ? 200 : 201, { kid })
    }
    const kid = path.slice(POLICY_KEYS_PATH.length + 1)
    if (req.method === 'DELETE' && KID.test(kid)) {
      if (!keys.has(kid)) return reply(res, 404, { error: 'not pinned' })
      keys.unpin(kid)
      return reply(res, 204)
    }
    return reply(res, 405, { error: 'method not allowed' }, { Allow: path === POLICY_KEYS_PATH ? 'POST' : 'DELETE' })
  }
}
