/**
 * What a page that is not an allowed parent gets instead of a loader. Without it the browser
 * blocks the real loader (CORS), no element is defined and nothing says why. This module is
 * served to any origin: it holds no code of the library, only a sentence naming the page's origin
 * and the option that would allow it, on the console and as a `secure-error` on every element.
 *
 * @module
 */
import { ErrorCodes } from '../../errors.js'

/** The tags the loaders define besides `secure-reveal`. */
const FIELD_TAGS = ['secure-card-input', 'secure-ssn-input', 'secure-text-input', 'consent-gate']

/**
 * The module's source. It reads both origins in the browser (`location.origin`, and its own URL
 * for the frame origin), so it is one constant: nothing from the request is written into it.
 */
export const REFUSED_LOADER_SOURCE = `// Secure Fields: this page's origin is not an allowed parent of this frame origin.
const code = ${JSON.stringify(ErrorCodes.FRAME_REFUSED)}
const frameOrigin = new URL(import.meta.url).origin
const message = \`Secure Fields: the frame origin \${frameOrigin} does not allow pages of \${location.origin} to embed its fields. Allow it where the frame origin is served (secure-fields serve --allow-parent \${location.origin}, or "allowedParents" in its policy.json).\`
console.error(message)
const failure = () => Object.assign(new Error(message), { name: 'SecureFieldsError', code })
class RefusedSecureElement extends HTMLElement {
  get isReady() { return false }
  connectedCallback() {
    // After the task that connected the element, so listeners added right after it hear it too.
    setTimeout(() => this.dispatchEvent(new CustomEvent('secure-error', { detail: { code, message }, bubbles: true, composed: true })))
  }
}
class RefusedField extends RefusedSecureElement {
  seal() { return Promise.reject(failure()) }
}
class RefusedDesk extends RefusedSecureElement {
  reveal() { return Promise.reject(failure()) }
  publicKey() { return Promise.reject(failure()) }
  frameStatus() { return Promise.reject(failure()) }
}
for (const tag of ${JSON.stringify(FIELD_TAGS)}) if (!customElements.get(tag)) customElements.define(tag, class extends RefusedField {})
if (!customElements.get('secure-reveal')) customElements.define('secure-reveal', class extends RefusedDesk {})
export {}
`
