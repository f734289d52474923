/**
 * The default implementation of each suite family for the public API (`seal`, `open`,
 * `generateKeyPair`): `HPKE_4` for X25519 keys and `HPKE_9` for post-quantum ones, both loaded
 * with the module so that every key and error comes from one module graph. Frames, which bundle
 * by need, choose their own suites (`sealTo`, `loadHpke9`).
 *
 * @module
 */
import { HPKE_9 } from './hpke9.js'
import { choose, type SuiteChoice } from './resolve.js'
import { HPKE_4, type SenderSuite, type Suite } from './suite.js'

/** The default suites, with `preferred` serving its own family. */
export function defaultSuites<S extends SenderSuite = Suite>(preferred?: S): SuiteChoice<S> {
  return choose<S>(HPKE_4 as unknown as S, () => Promise.resolve(HPKE_9 as unknown as S), preferred)
}

export { HPKE_9 }
