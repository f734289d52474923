import { expect } from 'chai'
import { HPKE_4 } from '../../src/crypto/suite.js'
import { decryptParts, parseCompact, decodeHeader } from '../../src/crypto/jwe.js'
import { b64uDecode } from '../../src/crypto/bytes.js'
import { thumbprint } from '../../src/crypto/jwk.js'
import { loadVectorJson, loadVectorText } from '../support/vectors.js'

// draft-ietf-jose-hpke-encrypt-20 examples (test/vectors/README.md): made with random ephemeral
// keys, so they are decrypt vectors. Both carry the same plaintext.
const PLAINTEXT =
  'You can trust us to stick with you through thick and thin-to the bitter end. And you can trust us to keep any secret of yours-closer than you keep it yourself. But you cannot trust us to let you face trouble alone, and go off without a word. We are your friends, Frodo.'

describe("draft-ietf-jose-hpke-encrypt's HPKE-4 examples", () => {
  let jwk: Record<string, string>
  before(async () => {
    jwk = await loadVectorJson('draft-jose-hpke-encrypt-20.HPKE-4.jwk.json')
  })

  it("the example key's kid is its RFC 7638 thumbprint", async () => {
    expect(await thumbprint({ x: jwk.x! })).to.equal(jwk.kid)
  })

  it('the compact example opens to its plaintext (aad = ASCII(protected))', async () => {
    const compact = (await loadVectorText('draft-jose-hpke-encrypt-20.HPKE-4.compact.txt')).trim()
    const parsed = parseCompact(compact, HPKE_4)
    expect(parsed.header).to.deep.equal({ alg: 'HPKE-4', kid: jwk.kid })
    const key = await HPKE_4.importPrivate(jwk)
    const plaintext = await decryptParts(HPKE_4, key, parsed.enc, parsed.ciphertext, parsed.protectedB64)
    expect(new TextDecoder().decode(plaintext)).to.equal(PLAINTEXT)
  })

  it('the flattened example opens to its plaintext (aad = ASCII(protected "." aad))', async () => {
    const flat = await loadVectorJson<Record<string, string>>('draft-jose-hpke-encrypt-20.HPKE-4.flattened.json')
    expect(decodeHeader(flat.protected!)).to.include({ alg: 'HPKE-4' })
    const key = await HPKE_4.importPrivate(jwk)
    const plaintext = await decryptParts(
      HPKE_4,
      key,
      b64uDecode(flat.encrypted_key!)!,
      b64uDecode(flat.ciphertext!)!,
      `${flat.protected}.${flat.aad}`,
    )
    expect(new TextDecoder().decode(plaintext)).to.equal(PLAINTEXT)
    // Without the JWE AAD, the same parts must not open: the aad is really bound.
    let failed = false
    try {
      await decryptParts(HPKE_4, key, b64uDecode(flat.encrypted_key!)!, b64uDecode(flat.ciphertext!)!, flat.protected!)
    } catch (e) {
      failed = (e as { code?: string }).code === 'ERR_DECRYPTION_FAILED'
    }
    expect(failed).to.equal(true)
  })
})
