/**
 * The configured key's import, judged again with every configuration but made once per distinct
 * `publicKey`: importing is all a key costs, and a key set's code loads on demand
 * (`seal.ts`). An import that fails becomes the refusal the configuration earns — the crypto
 * layer's own code and message (`ERR_KEY_INVALID`, `ERR_RECIPIENTS_INVALID`), which never hold a
 * value — never a throw.
 *
 * @module
 */
import { isSecureFieldsError, type ErrorCode } from '../../errors.js'
import type { PublicJwkLike } from '../../protocol/messages.js'
import type { KeyImport } from './field-judgement.js'
import { importRecipients } from './seal.js'

/** Imports configured keys, keeping the last import while `publicKey` stays the same. */
export class KeyImports {
  private last?: { json: string; result: Promise<KeyImport> }

  /** The import of `publicKey`, or `undefined` when there is none. */
  of(publicKey: PublicJwkLike | PublicJwkLike[] | null | undefined): Promise<KeyImport> | undefined {
    if (!publicKey) return undefined
    const json = JSON.stringify(publicKey)
    if (this.last?.json !== json) {
      const result = importRecipients(publicKey).then(
        (recipients): KeyImport => ({ recipients }),
        (error: unknown): KeyImport => ({
          refusal: isSecureFieldsError(error)
            ? { code: error.code as ErrorCode, message: error.message.slice(0, 300) }
            : { code: 'ERR_KEY_INVALID', message: 'The configured public key is not a valid key or key set.' },
        }),
      )
      this.last = { json, result }
    }
    return this.last.result
  }
}
