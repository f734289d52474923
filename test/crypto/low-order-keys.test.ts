/**
 * Public keys no private key matches: the X25519 points of small order (RFC 7748 §6.1, RFC 9180
 * §7.1.4), each of whose Diffie-Hellman results is all zeros, are refused at import with
 * `ERR_KEY_INVALID` in every encoding — the all-zero key first — by every suite and entry point
 * that takes an X25519 JWK. And whatever fails inside a seal, `seal()` throws a SecureFieldsError:
 * no error of the `hpke` package or of the runtime escapes it.
 */
import { expect } from 'chai'
import { HPKE_4, HPKE_4_WEB, generateKeyPair, loadHpke9, seal, sealTo, sealWithSuite } from '../../src/crypto/index.js'
import { b64uEncode } from '../../src/crypto/bytes.js'
import { importX25519Public } from '../../src/crypto/x25519.js'
import type { SenderKey } from '../../src/crypto/jwk.js'
import { SecureFieldsError } from '../../src/errors.js'
import { rejection } from '../support/keys.js'

const P = 2n ** 255n - 19n
/** The u-coordinates of small order (cr.yp.to/ecdh.html): 0, 1, two of order 8, p − 1, and p, p + 1. */
const SMALL_ORDER = [
  0n,
  1n,
  325606250916557431795983626356110631294008115727848805560023387167927233504n,
  39382357235489614581723060781553021112529911719440698176882885853963445705823n,
  P - 1n,
  P,
  P + 1n,
]

/** `u` as 32 little-endian bytes; `high` sets the top bit, which X25519 ignores (RFC 7748 §5). */
function encode(u: bigint, high = false): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(32)
  for (let i = 0, v = u; i < 32; i++, v >>= 8n) bytes[i] = Number(v & 0xffn)
  if (high) bytes[31]! |= 0x80
  return bytes
}

const jwkOf = (raw: Uint8Array, alg?: string) => ({ kty: 'OKP', crv: 'X25519', x: b64uEncode(raw), ...(alg ? { alg } : {}) })
const claims = { kind: 'card', context: 'c' }
const ENCODINGS = SMALL_ORDER.flatMap((u) => [encode(u), encode(u, true)])

describe('crypto: public keys of small order', () => {
  it('each of the 14 encodings makes an all-zero Diffie-Hellman result (the runtime refuses it): the list is right', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'X25519' }, false, ['deriveBits'])) as CryptoKeyPair
    for (const raw of ENCODINGS) {
      const key = await crypto.subtle.importKey('raw', raw, { name: 'X25519' }, false, [])
      const bits = await crypto.subtle.deriveBits({ name: 'X25519', public: key }, pair.privateKey, 256).then(
        (b) => new Uint8Array(b),
        () => new Uint8Array(32), // the runtime's own refusal of the all-zero result
      )
      expect(bits.every((b) => b === 0), b64uEncode(raw)).to.equal(true)
    }
  })

  it('are refused at import with ERR_KEY_INVALID by seal, sealWithSuite, sealTo and both suites', async () => {
    for (const raw of ENCODINGS) {
      for (const alg of [undefined, 'HPKE-4', 'HPKE-4-KE']) {
        const jwk = jwkOf(raw, alg)
        const attempts = [
          () => seal('4242', jwk, claims),
          () => seal('4242', [jwk], claims),
          () => HPKE_4.importPublic(jwk),
          () => HPKE_4_WEB.importPublic(jwk),
          ...(alg === 'HPKE-4-KE' ? [] : [() => sealWithSuite(HPKE_4_WEB, '4242', jwk, claims)]),
          () => sealTo({ x25519: HPKE_4_WEB, pq: loadHpke9 }, '4242', [jwk], claims, Date.now()),
        ]
        for (const attempt of attempts) {
          const error = await rejection(attempt)
          expect(error, `${b64uEncode(raw)} ${alg}`).to.be.instanceOf(SecureFieldsError)
          expect(error.code).to.equal('ERR_KEY_INVALID')
          expect(error.message).to.match(/small order/)
        }
      }
    }
  })

  it('keys of large order are taken and sealed to (the control)', async () => {
    const { publicJwk } = await generateKeyPair()
    expect(await seal('4242', publicJwk, claims)).to.be.a('string')
    // 9, the base point's u: of large order.
    expect(await HPKE_4_WEB.importPublic(jwkOf(encode(9n)))).to.have.property('kid')
  })
})

describe('crypto: no foreign error escapes seal()', () => {
  /** An imported key whose HPKE key is the all-zero point, as a key imported before this check was. */
  async function zeroKey(alg: 'HPKE-4' | 'HPKE-4-KE' = 'HPKE-4'): Promise<SenderKey> {
    const { publicJwk } = await generateKeyPair({ alg })
    const good = await HPKE_4_WEB.importPublic(publicJwk)
    return { ...good, key: await importX25519Public(new Uint8Array(32)) }
  }

  it('a Diffie-Hellman the runtime refuses becomes ERR_SEAL_FAILED, with no cause and no hpke error', async () => {
    const [key, team] = [await zeroKey(), [await zeroKey('HPKE-4-KE'), await zeroKey('HPKE-4-KE')]]
    for (const attempt of [() => seal('4242', key, claims), () => sealWithSuite(HPKE_4_WEB, '4242', key, claims), () => seal('4242', team, claims)]) {
      const error = await rejection(attempt)
      expect(error, error.name).to.be.instanceOf(SecureFieldsError)
      expect(error.code).to.equal('ERR_SEAL_FAILED')
      expect(error.cause).to.equal(undefined)
      expect(error.message).to.not.include('4242')
    }
  })

  it('its own errors keep their codes (the control)', async () => {
    const { publicJwk } = await generateKeyPair()
    expect((await rejection(() => seal('x'.repeat(5000), publicJwk, claims))).code).to.equal('ERR_ENVELOPE_TOO_LARGE')
    expect((await rejection(() => seal('4242', { kty: 'OKP' }, claims))).code).to.equal('ERR_KEY_INVALID')
  })
})
