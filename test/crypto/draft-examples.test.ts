import { expect } from 'chai'
import { HPKE_4 } from '../../src/crypto/suite.js'
import { HPKE_9 } from '../../src/crypto/hpke9.js'
import { decryptParts, parseCompact, decodeHeader } from '../../src/crypto/jwe.js'
import { decryptContent, recipientStructure, unwrapCek } from '../../src/crypto/key-encryption.js'
import { b64uDecode } from '../../src/crypto/bytes.js'
import { thumbprint } from '../../src/crypto/thumbprint.js'
import { loadVectorJson, loadVectorText, toHex } from '../support/vectors.js'

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
    const parsed = parseCompact(compact)
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

// The plaintext of the JOSE drafts' later examples: the same sentence with en dashes.
const PLAINTEXT_EN_DASH = PLAINTEXT.replace(/thin-to/, 'thin–to').replace(/yours-closer/, 'yours–closer')

/**
 * draft-ietf-jose-hpke-pq-pqt-01's HPKE-9 examples and the Key Encryption examples of both drafts
 * (test/vectors/README.md), all made with random ephemeral keys: decrypt vectors.
 */
describe("draft-ietf-jose-hpke-pq-pqt-01's HPKE-9 examples (MLKEM768-X25519, SHAKE256, AES-256-GCM)", () => {
  let jwk: Record<string, string>
  before(async () => {
    jwk = await loadVectorJson('draft-jose-hpke-pq-pqt-01.HPKE-9.jwk.json')
  })

  it("the example key is an AKP key whose kid is its RFC 7638 thumbprint over {alg, kty, pub}", async () => {
    expect(jwk).to.include({ kty: 'AKP', alg: 'HPKE-9' })
    expect(await thumbprint({ kty: 'AKP', alg: jwk.alg!, pub: jwk.pub! })).to.equal(jwk.kid)
  })

  it('the compact example opens to its plaintext (aad = ASCII(protected))', async () => {
    const compact = (await loadVectorText('draft-jose-hpke-pq-pqt-01.HPKE-9.compact.txt')).trim()
    const parsed = parseCompact(compact)
    expect(parsed.header).to.deep.equal({ alg: 'HPKE-9', kid: jwk.kid })
    const key = await HPKE_9.importPrivate(jwk)
    expect(new TextDecoder().decode(await decryptParts(undefined, key, parsed.enc, parsed.ciphertext, parsed.protectedB64))).to.equal(PLAINTEXT_EN_DASH)
  })

  it('the flattened example opens to its plaintext (aad = ASCII(protected "." aad)), and not without its aad', async () => {
    const flat = await loadVectorJson<Record<string, string>>('draft-jose-hpke-pq-pqt-01.HPKE-9.flattened.json')
    const key = await HPKE_9.importPrivate(jwk)
    const parts = [b64uDecode(flat.encrypted_key!)!, b64uDecode(flat.ciphertext!)!] as const
    expect(new TextDecoder().decode(await decryptParts(undefined, key, ...parts, `${flat.protected}.${flat.aad}`))).to.equal(PLAINTEXT_EN_DASH)
    const code = await decryptParts(undefined, key, ...parts, flat.protected!).then(() => 'opened', (e: { code?: string }) => e.code)
    expect(code).to.equal('ERR_DECRYPTION_FAILED')
  })
})

describe('draft-ietf-jose-hpke-encrypt-20 §6.1: Recipient_structure', () => {
  it('is the draft\'s example bytes for A128GCM, and "JOSE-HPKE rcpt" 0xFF "A256GCM" 0xFF for ours', () => {
    expect(toHex(recipientStructure('A128GCM'))).to.equal('4a4f53452d48504b452072637074ff4131323847434dff')
    expect(new TextDecoder().decode(recipientStructure())).to.equal('JOSE-HPKE rcpt\ufffdA256GCM\ufffd')
  })
})

for (const [draft, alg, plaintext] of [
  ['draft-jose-hpke-encrypt-20', 'HPKE-4-KE', PLAINTEXT],
  ['draft-jose-hpke-pq-pqt-01', 'HPKE-9-KE', PLAINTEXT_EN_DASH],
] as const) {
  describe(`${draft}'s ${alg} examples: HPKE Key Encryption of an A256GCM key`, () => {
    let key: Awaited<ReturnType<typeof HPKE_9.importPrivate>>
    before(async () => {
      const jwk = await loadVectorJson<Record<string, string>>(`${draft}.${alg}.jwk.json`)
      expect(jwk.alg).to.equal(alg)
      key = await (alg === 'HPKE-9-KE' ? HPKE_9 : HPKE_4).importPrivate(jwk)
      expect(key.kid).to.equal(jwk.kid)
    })

    /** Opens a Key Encryption JWE's parts: CEK from `ek` and the encrypted key (Recipient_structure info), then the content. */
    async function openKe(protectedB64: string, encryptedKey: string, iv: string, ciphertext: string, tag: string, aad: string) {
      const header = decodeHeader(protectedB64)
      expect(header).to.include({ alg, enc: 'A256GCM' })
      const cek = await unwrapCek(key, b64uDecode(header.ek as string)!, b64uDecode(encryptedKey)!, header.enc as string)
      return new TextDecoder().decode(await decryptContent(cek, b64uDecode(iv)!, b64uDecode(ciphertext)!, b64uDecode(tag)!, aad))
    }

    it('the compact example opens to its plaintext', async () => {
      const [p, ek, iv, ct, tag] = (await loadVectorText(`${draft}.${alg}.compact.txt`)).trim().split('.') as [string, string, string, string, string]
      expect(await openKe(p, ek, iv, ct, tag, p)).to.equal(plaintext)
    })

    it('the flattened example opens to its plaintext with its JWE AAD, and not without it', async () => {
      const f = await loadVectorJson<Record<string, string>>(`${draft}.${alg}.flattened.json`)
      expect(await openKe(f.protected!, f.encrypted_key!, f.iv!, f.ciphertext!, f.tag!, `${f.protected}.${f.aad}`)).to.equal(plaintext)
      const code = await openKe(f.protected!, f.encrypted_key!, f.iv!, f.ciphertext!, f.tag!, f.protected!).then(() => 'opened', (e: { code?: string }) => e.code)
      expect(code).to.equal('ERR_DECRYPTION_FAILED')
    })

    it('another enc in the Recipient_structure does not unwrap the CEK', async () => {
      const [p, ek] = (await loadVectorText(`${draft}.${alg}.compact.txt`)).trim().split('.') as [string, string]
      const header = decodeHeader(p)
      const code = await unwrapCek(key, b64uDecode(header.ek as string)!, b64uDecode(ek)!, 'A128GCM').then(() => 'opened', (e: { code?: string }) => e.code)
      expect(code).to.equal('ERR_DECRYPTION_FAILED')
    })
  })
}
