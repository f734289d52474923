/**
 * `<secure-card-input>`: card number, expiry and security code, collected in a frame on the frame
 * origin and sealed to your key.
 *
 * @module
 */
import { SecureFieldElement } from './secure-field-element.js'

/**
 * A card input whose digits never reach the page: the page sees the brand, validity flags, a
 * masked preview (`Visa •••• 4242`) and the sealed envelope, which is also its form value.
 *
 * @summary Card number, expiry and CVC in an isolated frame, sealed to your X25519 key.
 * @tag secure-card-input
 * @fires secure-change - derived state changed (brand, completeness, validity)
 * @fires secure-focus - the field gained focus
 * @fires secure-blur - the field lost focus
 * @fires secure-sealed - an envelope was made
 * @fires secure-error - a stable error code (policy refusal, unreachable frame, refused theme)
 * @fires secure-audit - an audit event
 * @csspart frame - the iframe
 */
export class SecureCardInput extends SecureFieldElement {
  /** @internal */
  protected readonly kind = 'card' as const
}

/** Defines `<secure-card-input>` once. */
export function defineSecureCardInput(): void {
  if (!customElements.get('secure-card-input')) customElements.define('secure-card-input', SecureCardInput)
}

declare global {
  interface HTMLElementTagNameMap {
    'secure-card-input': SecureCardInput
  }
}
