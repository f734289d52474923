/**
 * `inspect`: read an envelope's header and recipients without a key.
 *
 * @module
 */
import { SecureFieldsError, ErrorCodes } from '../errors.js'
import { hasProfileClaims, isProfileHeader, type EnvelopeHeader } from './header.js'
import { isJsonEnvelope, parseGeneral } from './general.js'
import { parseCompact } from './jwe.js'
import { LIMITS } from './header.js'
import type { Suite } from './suite.js'

const notProfile = () => new SecureFieldsError(ErrorCodes.ENVELOPE_MALFORMED, 'Malformed envelope: the claims are not those of a Secure Fields envelope.')

/**
 * Returns an envelope's claims — kind, preview, context, times, id, consent digest — and its
 * recipients (`alg`, `kid`, whether post-quantum). Nothing here is authenticated until the
 * envelope is opened: use it to route and display, never to decide trust. Needs no suite code.
 *
 * @param options - `suite` is accepted for compatibility and no longer needed
 * @throws {@link SecureFieldsError} `ERR_ENVELOPE_MALFORMED`, `ERR_ENVELOPE_TOO_LARGE`, `ERR_ENVELOPE_UNSUPPORTED`
 */
export function inspect(envelope: string, options: { suite?: Suite } = {}): EnvelopeHeader {
  void options
  if (typeof envelope === 'string' && isJsonEnvelope(envelope)) {
    if (envelope.length > LIMITS.envelopeChars) {
      throw new SecureFieldsError(ErrorCodes.ENVELOPE_TOO_LARGE, `Envelope is longer than ${LIMITS.envelopeChars} characters.`)
    }
    const { header, recipients } = parseGeneral(envelope)
    if (!hasProfileClaims(header)) throw notProfile()
    return { ...header, serialization: 'json', recipients: recipients.map((r) => ({ alg: r.alg, kid: r.kid, pq: r.info.pq })) }
  }
  const { header, info } = parseCompact(envelope)
  if (!isProfileHeader(header)) throw notProfile()
  return { ...header, serialization: 'compact', recipients: [{ alg: header.alg, kid: header.kid, pq: info.pq }] }
}
