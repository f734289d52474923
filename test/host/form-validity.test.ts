/**
 * Form parity: a field takes part in its form as a native input does — `setCustomValidity()`
 * blocks submission with the page's message until it is cleared, `required` reports
 * `valueMissing`, and a disabled field is barred from validation.
 */
import { expect } from 'chai'
import { sendKeys } from '@web/test-runner-commands'
import type { SecureCardInput } from '../../src/host/secure-card-input.js'
import { cleanup, mountField, typeInto, waitForState } from '../support/host.js'

/** Whether `form` submits now (its submit event fires) or a control stops it (`invalid`). */
function submits(form: HTMLFormElement): boolean {
  let submitted = false
  const onSubmit = (event: Event) => {
    event.preventDefault()
    submitted = true
  }
  form.addEventListener('submit', onSubmit)
  form.requestSubmit() // validation and the submit event run synchronously
  form.removeEventListener('submit', onSubmit)
  return submitted
}

describe('form parity: setCustomValidity, required, disabled', function () {
  this.timeout(60000)
  afterEach(cleanup)

  it('setCustomValidity(message) makes a sealed, valid card invalid with that message; setCustomValidity("") restores it', async () => {
    const form = document.body.appendChild(document.createElement('form'))
    const card = await mountField<SecureCardInput>('secure-card-input', { name: 'card' }, form)
    await typeInto(card, '4242424242424242')
    await sendKeys({ type: '1230' })
    await sendKeys({ type: '123' })
    await waitForState(card, (s) => s.valid)
    await card.seal()
    expect(card.checkValidity()).to.equal(true)
    expect(submits(form)).to.equal(true)

    card.setCustomValidity('We do not take this card.')
    expect(card.checkValidity()).to.equal(false)
    expect(card.validity.customError).to.equal(true)
    expect(card.validationMessage).to.equal('We do not take this card.')
    expect(submits(form)).to.equal(false)

    card.setCustomValidity('')
    expect(card.validity.customError).to.equal(false)
    expect(card.checkValidity()).to.equal(true)
    expect(submits(form)).to.equal(true)
  })

  it('required and empty is valueMissing; disabled bars the field from validation; a custom message holds on an empty optional field', async () => {
    const form = document.body.appendChild(document.createElement('form'))
    const card = await mountField<SecureCardInput>('secure-card-input', { name: 'card', required: '' }, form)
    expect(card.validity.valueMissing).to.equal(true)
    expect(submits(form)).to.equal(false)
    card.disabled = true
    await card.updateComplete
    expect(card.willValidate).to.equal(false)
    expect(submits(form)).to.equal(true)
    card.disabled = false
    await card.updateComplete
    expect(card.validity.valueMissing).to.equal(true)
    card.required = false
    await card.updateComplete
    expect(card.checkValidity()).to.equal(true)
    card.setCustomValidity('Not now.')
    expect(card.checkValidity()).to.equal(false)
  })
})
