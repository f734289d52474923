/**
 * What each Secure Fields tag takes in JSX, independent of the framework: its properties (React 19
 * and Preact set a prop as a property when the element has one), its attributes (as in HTML), and
 * its events as `on<event-name>` props. `react.ts` and `preact.ts` add these to each framework's
 * `IntrinsicElements`. Types only: nothing here exists at run time.
 *
 * @module
 */
import type { ConsentGate } from '../host/consent-gate.js'
import type { SecureCardInput } from '../host/secure-card-input.js'
import type { SecureReveal } from '../host/secure-reveal.js'
import type { DeskKeyAlg } from '../protocol/reveal.js'
import type { TextPreset } from '../protocol/kinds.js'
import type { SecureSsnInput } from '../host/secure-ssn-input.js'
import type { SecureTextInput } from '../host/secure-text-input.js'
import type {
  SecureAuditDetail,
  SecureChangeDetail,
  SecureConsentDetail,
  SecureEnrolledDetail,
  SecureErrorDetail,
  SecureGateChangeDetail,
  SecureRevealedDetail,
  SecureSealedDetail,
  SecureWipedDetail,
} from '../host/events.js'

/** An event handler prop for `CustomEvent<D>` on element `E`. */
type Handler<E, D> = (event: CustomEvent<D> & { currentTarget: E }) => void

/** Props every element takes. */
interface FramedProps<E> {
  locale?: string
  frameOrigin?: string
  'frame-origin'?: string
  frameTitle?: string
  'frame-title'?: string
  theme?: Record<string, string>
  'onsecure-ready'?: Handler<E, Record<string, never>>
  'onsecure-error'?: Handler<E, SecureErrorDetail>
  'onsecure-audit'?: Handler<E, SecureAuditDetail>
}

/** Props of the three field elements. */
interface FieldProps<E> extends FramedProps<E> {
  name?: string
  required?: boolean
  disabled?: boolean
  label?: string
  /**
   * The recipient's public JWK, or a key set (a JWKS or an array of up to eight JWKs): an object or
   * array as a property, or its JSON as the attribute.
   */
  publicKey?: Record<string, unknown> | readonly Record<string, unknown>[] | null
  'public-key'?: string
  context?: string
  placeholder?: string
  expiresIn?: number
  'expires-in'?: number | string
  devMode?: boolean
  'dev-mode'?: boolean
  'onsecure-change'?: Handler<E, SecureChangeDetail>
  'onsecure-focus'?: Handler<E, Record<string, never>>
  'onsecure-blur'?: Handler<E, Record<string, never>>
  'onsecure-sealed'?: Handler<E, SecureSealedDetail>
}

/** `<secure-card-input>`. */
export type SecureCardInputProps = FieldProps<SecureCardInput>

/** `<secure-ssn-input>`. */
export interface SecureSsnInputProps extends FieldProps<SecureSsnInput> {
  allowItin?: boolean
  'allow-itin'?: boolean
}

/** `<secure-text-input>`. */
export interface SecureTextInputProps extends FieldProps<SecureTextInput> {
  /** A registered preset (`src/protocol/kinds.ts`). */
  preset?: TextPreset
  minLength?: number
  minlength?: number | string
  maxLength?: number
  maxlength?: number | string
  pattern?: string
  mask?: string
  preview?: 'default' | 'none'
}

/** `<consent-gate>`. */
export interface ConsentGateProps extends FramedProps<ConsentGate> {
  purpose?: string
  policyUrl?: string
  'policy-url'?: string
  policyVersion?: string
  'policy-version'?: string
  'onsecure-consent'?: Handler<ConsentGate, SecureConsentDetail>
  'onsecure-gate-change'?: Handler<ConsentGate, SecureGateChangeDetail>
}

/** `<secure-reveal>`. */
export interface SecureRevealProps extends FramedProps<SecureReveal> {
  envelope?: string
  context?: string
  desk?: string
  keyAlg?: DeskKeyAlg
  'key-alg'?: DeskKeyAlg
  showFor?: number
  'show-for'?: number | string
  'onsecure-enrolled'?: Handler<SecureReveal, SecureEnrolledDetail>
  'onsecure-revealed'?: Handler<SecureReveal, SecureRevealedDetail>
  'onsecure-wiped'?: Handler<SecureReveal, SecureWipedDetail>
}

/** Each tag, its element class and its own props. */
export interface SecureFieldsTags {
  'secure-card-input': [SecureCardInput, SecureCardInputProps]
  'secure-ssn-input': [SecureSsnInput, SecureSsnInputProps]
  'secure-text-input': [SecureTextInput, SecureTextInputProps]
  'consent-gate': [ConsentGate, ConsentGateProps]
  'secure-reveal': [SecureReveal, SecureRevealProps]
}
