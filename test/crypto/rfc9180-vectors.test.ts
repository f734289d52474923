import { KDF_HKDF_SHA256 as KDF_WEBCRYPTO } from 'hpke'
import { KDF_HKDF_SHA256 as KDF_NOBLE, AEAD_ChaCha20Poly1305 } from '@panva/hpke-noble'
import { describeRfc9180 } from '../support/rfc9180.js'

// The two pure HPKE-4 suites: HPKE_4 (noble HKDF) and HPKE_4_WEB (WebCrypto HKDF).
describeRfc9180('HPKE_4 (noble HKDF, noble ChaCha20-Poly1305)', KDF_NOBLE, AEAD_ChaCha20Poly1305)
describeRfc9180('HPKE_4_WEB (WebCrypto HKDF, noble ChaCha20-Poly1305)', KDF_WEBCRYPTO, AEAD_ChaCha20Poly1305)
