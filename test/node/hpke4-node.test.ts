import { expect } from 'chai'
import { describeRfc9180 } from '../support/rfc9180.js'
import { KDF_HKDF_SHA256_NODE, AEAD_CHACHA20_POLY1305_NODE, HPKE_4_NODE } from '../../src/node/crypto/hpke4-node.js'
import { seal, open, HPKE_4, HPKE_4_WEB } from '../../src/crypto/index.js'
import { testKeys, rejection } from '../support/keys.js'

describeRfc9180('HPKE_4_NODE (Node HMAC HKDF, OpenSSL ChaCha20-Poly1305)', KDF_HKDF_SHA256_NODE, AEAD_CHACHA20_POLY1305_NODE)

describe('HPKE_4_NODE interoperates with the pure suites', () => {
  const claims = { kind: 'card', context: 'c' }
  for (const [name, sealer, opener] of [
    ['web → node', HPKE_4_WEB, HPKE_4_NODE],
    ['node → pure', HPKE_4_NODE, HPKE_4],
    ['pure → node', HPKE_4, HPKE_4_NODE],
  ] as const) {
    it(name, async () => {
      const { privateJwk, publicJwk } = await testKeys()
      const envelope = await seal('4242424242424242', publicJwk, claims, { suite: sealer })
      const { plaintext } = await open(envelope, privateJwk, { suite: opener })
      expect(new TextDecoder().decode(plaintext)).to.equal('4242424242424242')
    })
  }

  it('a flipped ciphertext byte fails uniformly', async () => {
    const { privateJwk, publicJwk } = await testKeys()
    const envelope = await seal('4242424242424242', publicJwk, claims, { suite: HPKE_4_NODE })
    const parts = envelope.split('.')
    const ct = Buffer.from(parts[3]!, 'base64url')
    ct[0]! ^= 1
    parts[3] = ct.toString('base64url')
    expect((await rejection(() => open(parts.join('.'), privateJwk, { suite: HPKE_4_NODE }))).code).to.equal('ERR_DECRYPTION_FAILED')
  })
})
