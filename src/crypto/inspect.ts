/**
 * `inspect`: read an envelope's protected header without a key.
 *
 * @module
 */
import { SecureFieldsError, ErrorCodes } from '../errors.js'
import { isProfileHeader, type ProtectedHeader } from './header.js'
import { parseCompact } from './jwe.js'
import { HPKE_4, type Suite } from './suite.js'

/**
 * Returns the protected header of an envelope — kind, preview, context, times, id, consent digest.
 * Nothing here is authenticated until the envelope is opened: use it to route and display, never to
 * decide trust.
 *
 * @throws {@link SecureFieldsError} `ERR_ENVELOPE_MALFORMED`, `ERR_ENVELOPE_TOO_LARGE`, `ERR_ENVELOPE_UNSUPPORTED`
 */
export function inspect(envelope: string, options: { suite?: Suite } = {}): ProtectedHeader {
  const { header } = parseCompact(envelope, options.suite ?? HPKE_4)
  if (!isProfileHeader(header)) {
    throw new SecureFieldsError(ErrorCodes.ENVELOPE_MALFORMED, 'Malformed envelope: the claims are not those of a Secure Fields envelope.')
  }
  return header
}
