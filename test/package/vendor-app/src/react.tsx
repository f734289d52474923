// The customer page in React: the React components, and a raw tag typed by the JSX declarations.
import type {} from 'secure-fields/jsx/react'
import { useRef, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { configure, type SecureCardInput as CardElement } from 'secure-fields'
import { SecureCardInput } from 'secure-fields/react'
import { context, frameOrigin, publicKey } from './setup.js'

configure({ frameOrigin })

function Form() {
  const card = useRef<CardElement>(null)
  const [envelope, setEnvelope] = useState('')
  const [valid, setValid] = useState(false)
  return (
    <form noValidate onSubmit={async (e) => (e.preventDefault(), setEnvelope(await card.current!.seal().catch((error: { code?: string }) => `error ${error.code}`)))}>
      <SecureCardInput ref={card} label="Card" context={context} publicKey={publicKey} onSecureChange={(e) => setValid(e.detail.valid)} />
      <secure-ssn-input name="ssn" label="SSN" context={context} publicKey={publicKey} onsecure-change={(e) => e.detail.empty} />
      <button id="send" type="submit" disabled={!valid}>Send</button>
      <output id="envelope">{envelope}</output>
    </form>
  )
}

createRoot(document.querySelector('#app')!).render(<Form />)
