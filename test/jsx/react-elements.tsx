/**
 * Compile-time test (the type check step): the tags in React 19's JSX through
 * `secure-fields/jsx/react`, with typed props, attributes and event details; wrong ones fail.
 */
import type {} from '../../src/jsx/react.js'

declare const key: Record<string, unknown>

export function CustomerForm() {
  return (
    <form>
      <consent-gate purpose="Pay for your order" policy-url="https://example.com/privacy" policyVersion="2026-03" onsecure-consent={(e) => e.detail.digest.toUpperCase()}>
        <secure-card-input
          name="card"
          required
          label="Card"
          publicKey={key}
          context="conversation-42"
          frame-origin="https://fields.example.com/"
          theme={{ '--sf-color-text': '#111' }}
          className="field"
          onsecure-change={(e) => e.detail.valid && e.currentTarget.seal()}
          onsecure-error={(e) => console.log(e.detail.code)}
        />
      </consent-gate>
      <secure-ssn-input name="ssn" allow-itin public-key="{}" context="c" />
      <secure-text-input preset="iban" minLength={4} mask="AA-000000" context="c" />
      <secure-card-input name="card-team" publicKey={[key, key]} context="c" />
      {/* @ts-expect-error a preset that does not exist */}
      <secure-text-input preset="visa" />
      {/* @ts-expect-error `required` is a boolean */}
      <secure-card-input required="yes" />
      {/* @ts-expect-error a desk key algorithm that does not exist */}
      <secure-reveal key-alg="RSA-OAEP" />
      {/* @ts-expect-error the change detail has no `number` */}
      <secure-card-input onsecure-change={(e) => e.detail.number} />
    </form>
  )
}

export function AgentDesk({ envelope }: { envelope: string }) {
  return (
    <secure-reveal
      desk="agent-7"
      key-alg="HPKE-9-KE"
      envelope={envelope}
      context="conversation-42"
      show-for="30"
      onsecure-revealed={(e) => e.detail.jti}
      onsecure-enrolled={(e) => e.currentTarget.publicKey()}
    />
  )
}
