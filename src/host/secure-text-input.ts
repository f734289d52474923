/**
 * `<secure-text-input>`: the generic masked field — an IBAN, a bank account number or any ID —
 * collected in a frame on the frame origin and sealed to your key.
 *
 * @module
 */
import type { TextPreset } from '../protocol/messages.js'
import { SecureFieldElement } from './secure-field-element.js'

/** The iframe's title per preset, when neither `frame-title` nor a label gives one. */
const TITLES: Record<TextPreset, string> = { iban: 'IBAN', account: 'Account number', id: 'ID number' }

/**
 * A text input whose value never reaches the page: the page sees validity flags, a masked preview
 * (`DE •••• 3000`, `•••• 6789`, or none with `preview="none"`) and the sealed envelope, which is
 * also its form value. The `preset` chooses the rules: `iban`, `account` or `id` (the default).
 * Every option is checked again inside the frame; options it cannot use refuse the field with
 * `ERR_INPUT_INVALID`.
 *
 * @summary IBAN, account number or ID in an isolated frame, sealed to your X25519 key.
 * @tag secure-text-input
 * @fires secure-ready - the frame is connected and configured
 * @fires secure-change - derived state changed (completeness, validity, preview)
 * @fires secure-focus - the field gained focus
 * @fires secure-blur - the field lost focus
 * @fires secure-sealed - an envelope was made (kind `iban`, `account` or `id`)
 * @fires secure-error - a stable error code (policy refusal, unreachable frame, refused theme, `ERR_INPUT_INVALID` for bad options)
 * @fires secure-audit - an audit event
 * @csspart frame - the iframe
 * @cssprop --sf-font-family - font stack inside the frame
 * @cssprop --sf-color-error - error text and border color
 */
export class SecureTextInput extends SecureFieldElement {
  static override properties = {
    ...SecureFieldElement.properties,
    preset: { type: String, reflect: true },
    minLength: { type: Number, attribute: 'minlength' },
    maxLength: { type: Number, attribute: 'maxlength' },
    pattern: { type: String },
    mask: { type: String },
    preview: { type: String },
  }

  /** `iban`, `account` or `id` (default `id`). */
  declare preset: TextPreset | ''
  /** Fewest characters (`account`: digits, default 4; `id`: default 1). Not for `iban`. */
  declare minLength: number | undefined
  /** Most characters (`account`: digits, default 17; `id`: default 64). Not for `iban`. */
  declare maxLength: number | undefined
  /** `id` only: a regular expression the whole value must match, as the HTML `pattern` attribute. */
  declare pattern: string
  /** `id` only: an imask pattern (`0` digit, `a` letter, `A` letter in upper case, `*` any), e.g. `AA-000000`. */
  declare mask: string
  /** `none` keeps the preview empty (in the state and in the envelope); default: the last four. */
  declare preview: 'default' | 'none' | ''

  /** @internal */
  protected readonly kind = 'text' as const

  constructor() {
    super()
    this.preset = ''
    this.minLength = undefined
    this.maxLength = undefined
    this.pattern = ''
    this.mask = ''
    this.preview = ''
  }

  /**
   * What the attributes say, as given: the frame checks them (the host is not trusted to), and
   * changing any of them clears the value.
   */
  protected override fieldOptions(): Record<string, string | number | boolean> {
    const options: Record<string, string | number | boolean> = { preset: this.preset || 'id' }
    if (this.minLength !== undefined && this.minLength !== null) options.minLength = this.minLength
    if (this.maxLength !== undefined && this.maxLength !== null) options.maxLength = this.maxLength
    if (this.pattern) options.pattern = this.pattern
    if (this.mask) options.mask = this.mask
    if (this.preview) options.preview = this.preview
    return options
  }

  protected override defaultTitle(): string {
    return TITLES[this.preset || 'id'] ?? 'Text'
  }
}

/** Defines `<secure-text-input>` once. */
export function defineSecureTextInput(): void {
  if (!customElements.get('secure-text-input')) customElements.define('secure-text-input', SecureTextInput)
}

declare global {
  interface HTMLElementTagNameMap {
    'secure-text-input': SecureTextInput
  }
}
