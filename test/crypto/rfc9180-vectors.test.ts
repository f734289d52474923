import { KDF_HKDF_SHA256 as KDF_WEBCRYPTO } from 'hpke'
import { KDF_HKDF_SHA256 as KDF_NOBLE } from '../../src/crypto/hkdf-sha256.js'
import { AEAD_CHACHA20_POLY1305 } from '../../src/crypto/chacha20poly1305.js'
import { hpke4WebCipherSuite } from '../../src/crypto/suite.js'
import { describeRfc9180, describeRfc9180Sender } from '../support/rfc9180.js'

// The two pure HPKE-4 suites, from the very components they are made of: HPKE_4 (noble HKDF) and
// HPKE_4_WEB (WebCrypto HKDF), both with the noble ChaCha20-Poly1305 wrapper.
describeRfc9180('HPKE_4 (noble HKDF, noble ChaCha20-Poly1305)', KDF_NOBLE, AEAD_CHACHA20_POLY1305)
describeRfc9180('HPKE_4_WEB (WebCrypto HKDF, noble ChaCha20-Poly1305)', KDF_WEBCRYPTO, AEAD_CHACHA20_POLY1305)

// What a field frame ships: HPKE_4_WEB's own cipher suite (the sender-only KEM over WebCrypto
// HKDF, noble ChaCha20-Poly1305), built by the very function HPKE_4_WEB is built with.
describeRfc9180Sender('HPKE_4_WEB as it ships (sender-only KEM, WebCrypto HKDF, noble ChaCha20-Poly1305)', hpke4WebCipherSuite)
