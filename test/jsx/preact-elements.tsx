/** @jsxImportSource preact */
/**
 * Compile-time test (the type check step): the tags in Preact's JSX through
 * `secure-fields/jsx/preact`, with typed props, attributes and event details; wrong ones fail.
 */
import type {} from '../../src/jsx/preact.js'

declare const key: Record<string, unknown>

export function CustomerForm() {
  return (
    <form>
      <consent-gate purpose="Verify your identity" policy-url="https://example.com/privacy" onsecure-consent={(e) => e.detail.digest}>
        <secure-ssn-input name="ssn" required publicKey={key} context="c" class="field" onsecure-change={(e) => e.detail.valid} />
      </consent-gate>
      <secure-card-input name="card" frameOrigin="https://fields.example.com/" context="c" onsecure-sealed={(e) => e.detail.envelope} />
      <secure-reveal desk="d" envelope="" onsecure-wiped={(e) => e.detail.preview} />
      {/* @ts-expect-error a preset that does not exist */}
      <secure-text-input preset="visa" />
      {/* @ts-expect-error the sealed detail has no `plaintext` */}
      <secure-card-input onsecure-sealed={(e) => e.detail.plaintext} />
    </form>
  )
}
