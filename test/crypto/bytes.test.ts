import { expect } from 'chai'
import fc from 'fast-check'
import { b64uDecode, b64uEncode } from '../../src/crypto/bytes.js'

// An independent reference: the platform's btoa/atob with the RFC 4648 §5 alphabet swap.
const reference = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')

describe('base64url', () => {
  it('encodes exactly like the platform reference, and decodes back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = b64uEncode(bytes)
        expect(text).to.equal(reference(bytes))
        expect(b64uDecode(text)).to.deep.equal(bytes)
      }),
      { numRuns: 2000 },
    )
  })

  it('refuses every non-canonical spelling, so no two strings decode to the same bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.nat(), (bytes, k) => {
        const text = b64uEncode(bytes)
        const i = k % text.length
        for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_') {
          if (c === text[i]) continue
          const other = text.slice(0, i) + c + text.slice(i + 1)
          const decoded = b64uDecode(other)
          if (decoded) expect(reference(decoded)).to.equal(other) // it decodes only as itself
        }
      }),
      { numRuns: 300 },
    )
  })

  it('refuses padding, the standard alphabet, whitespace and impossible lengths', () => {
    for (const bad of ['AQ==', 'AQ+/', 'AQ/A', 'A', 'AQID A', 'AQ\n', 'AR', 'AQJ', 'é', 'AAAAA']) {
      expect(b64uDecode(bad), bad).to.equal(undefined)
    }
    expect(b64uDecode('')).to.deep.equal(new Uint8Array(0))
  })
})
