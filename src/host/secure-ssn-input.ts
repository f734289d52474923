/**
 * `<secure-ssn-input>`: a US Social Security number (or, when allowed, an ITIN), collected in a
 * frame on the frame origin and sealed to your key.
 *
 * @module
 */
import { SecureFieldElement } from './secure-field-element.js'

/**
 * An SSN input whose digits never reach the page: the page sees validity flags, a masked preview
 * (`•••-••-6789`), `brand: 'itin'` when the number is an ITIN, and the sealed envelope, which is
 * also its form value. Validity follows the SSA's rules (no area 000, 666 or 900–999, no group 00,
 * no serial 0000); ITINs are recognised, and accepted only with `allow-itin`.
 *
 * @summary US SSN (and optionally ITIN) in an isolated frame, sealed to your X25519 key.
 * @tag secure-ssn-input
 * @fires secure-ready - the frame is connected and configured
 * @fires secure-change - derived state changed (completeness, validity, preview, `brand: 'itin'`)
 * @fires secure-focus - the field gained focus
 * @fires secure-blur - the field lost focus
 * @fires secure-sealed - an envelope was made (kind `ssn`, for ITINs too)
 * @fires secure-error - a stable error code (policy refusal, unreachable frame, refused theme, bad options)
 * @fires secure-audit - an audit event
 * @csspart frame - the iframe
 * @cssprop --sf-font-family - font stack inside the frame
 * @cssprop --sf-color-error - error text and border color
 */
export class SecureSsnInput extends SecureFieldElement {
  static override properties = {
    ...SecureFieldElement.properties,
    allowItin: { type: Boolean, attribute: 'allow-itin', reflect: true },
  }

  /** Accept ITINs (IRS Individual Taxpayer Identification Numbers) as well as SSNs. */
  declare allowItin: boolean

  /** @internal */
  protected readonly kind = 'ssn' as const

  constructor() {
    super()
    this.allowItin = false
  }

  /** `allowItin` goes to the frame, which validates with it; changing it clears the value. */
  protected override fieldOptions(): Record<string, string | number | boolean> {
    return { allowItin: this.allowItin }
  }

  protected override defaultTitle(): string {
    return 'Social Security number'
  }
}

/** Defines `<secure-ssn-input>` once. */
export function defineSecureSsnInput(): void {
  if (!customElements.get('secure-ssn-input')) customElements.define('secure-ssn-input', SecureSsnInput)
}

declare global {
  interface HTMLElementTagNameMap {
    'secure-ssn-input': SecureSsnInput
  }
}
