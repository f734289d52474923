/** @jsxImportSource preact */
// Type-checked only: the same tags in Preact's JSX.
import type {} from 'secure-fields/jsx/preact'

export const PreactForm = () => (
  <secure-text-input preset="iban" label="IBAN" context="c" onsecure-sealed={(e) => e.detail.envelope.length} />
)
