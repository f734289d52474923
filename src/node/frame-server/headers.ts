/**
 * The response headers of the frame origin: a strict CSP on every frame page — no inline script,
 * no eval, Trusted Types, `frame-ancestors` from the policy — and CORS only where a module fetch
 * from an allowed parent needs it (the loader).
 *
 * @module
 */
import { parentAllowed, type FramePolicy } from '../../protocol/policy.js'

/** The Content-Security-Policy of a frame page. */
export function frameCsp(policy: FramePolicy): string {
  const ancestors = policy.allowedParents.length ? policy.allowedParents.join(' ') : "'none'"
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    `frame-ancestors ${ancestors}`,
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    // Frames build their DOM without HTML strings: any string-to-script sink is refused.
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join('; ')
}

/** Headers every response carries. */
export const COMMON_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
}

/** Headers of a frame page. */
export function pageHeaders(policy: FramePolicy): Record<string, string> {
  return {
    ...COMMON_HEADERS,
    'Content-Security-Policy': frameCsp(policy),
    'Cache-Control': 'no-store',
    // A frame page may only be a frame of an allowed parent, never a top-level page or a popup.
    'Cross-Origin-Resource-Policy': 'cross-origin',
  }
}

/**
 * CORS for a module fetched cross-origin (the loader from a host page): echo the origin when the
 * policy allows it as a parent, so a page the deployment does not allow cannot even load the code.
 */
export function corsHeaders(policy: FramePolicy, origin: string | undefined): Record<string, string> {
  const headers: Record<string, string> = { 'Cross-Origin-Resource-Policy': 'cross-origin' }
  if (origin && parentAllowed(policy, origin)) headers['Access-Control-Allow-Origin'] = origin
  return headers
}

/**
 * How long a response may be reused (RFC 9111 §5.2.2): hashed assets never change under their
 * name, so a year and `immutable`; a loader keeps its name across releases, so five minutes (then
 * revalidated with its `ETag`); the policy a minute, since desk keys are registered at run time.
 * Pages carry the live policy and are never stored (see {@link pageHeaders}).
 */
export function cacheControl(relative: string): string {
  if (relative.startsWith('assets/')) return 'public, max-age=31536000, immutable'
  if (relative === 'policy.json') return 'public, max-age=60'
  if (/^secure-fields[a-z-]*\.js$/.test(relative)) return 'public, max-age=300'
  return 'no-cache'
}
