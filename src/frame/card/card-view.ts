/**
 * The card page: number, expiry and security code in one frame, masked with `imask`, brand from
 * `credit-card-type` (via `src/validate/`), Luhn, expiry in the future, CVC length per brand.
 *
 * @module
 */
import InputMask from 'imask/controls/input'
import MaskedPattern from 'imask/masked/pattern'
import type { FieldConfig } from '../../protocol/messages.js'
import { validateCardNumber, type CardBrand } from '../../validate/card.js'
import { validateCard } from '../../validate/card-form.js'
import { MAX_CARD_NUMBER_LENGTH } from '../../validate/card.js'
import { validateExpiry } from '../../validate/expiry.js'
import type { Locale } from '../i18n/index.js'
import type { Evaluation, FieldView } from '../runtime/view.js'
import { h, uid } from '../runtime/dom.js'

/** imask pattern for a brand: digits grouped at its gaps, up to its longest length. */
export function numberMask(brand: CardBrand | undefined): string {
  const length = brand ? Math.max(...brand.lengths) : MAX_CARD_NUMBER_LENGTH
  const gaps = brand?.gaps ?? [4, 8, 12]
  let mask = ''
  for (let i = 0; i < length; i++) mask += (gaps.includes(i) ? ' ' : '') + '0'
  return mask
}

interface Part {
  group: HTMLDivElement
  label: HTMLLabelElement
  input: HTMLInputElement
  mask: InputMask<MaskedPattern>
}

/** Creates the card view. */
export function createCardView(): FieldView {
  let number: Part, expiry: Part, cvc: Part
  let legend: HTMLLegendElement
  let brandBadge: HTMLSpanElement
  let currentBrand: string | undefined

  function part(className: string, autocomplete: string, mask: string, onInput: () => void): Part {
    const id = uid(className)
    const input = h('input', { id, class: 'sf-input', type: 'text', inputmode: 'numeric', autocomplete, spellcheck: 'false', autocorrect: 'off' })
    const label = h('label', { class: 'sf-label', for: id })
    const group = h('div', { class: `sf-group ${className}` }, label, input)
    const masked = new InputMask(input, new MaskedPattern({ mask, lazy: true, placeholderChar: ' ' }))
    masked.on('accept', onInput)
    return { group, label, input, mask: masked }
  }

  const view: FieldView = {
    inputs: [],
    mount(root, onInput) {
      legend = h('legend', { class: 'sf-legend' })
      brandBadge = h('span', { class: 'sf-brand', 'aria-hidden': 'true' })
      number = part('sf-number', 'cc-number', numberMask(undefined), () => {
        // Re-mask when the brand changes (Amex 4-6-5, 19-digit Visa…); imask keeps the digits.
        const result = validateCardNumber(number.mask.unmaskedValue)
        const type = result.brand?.type
        if (type !== currentBrand) {
          currentBrand = type
          number.mask.updateOptions({ mask: numberMask(result.brand) } as never)
          cvc.mask.updateOptions({ mask: '0'.repeat(result.brand?.cvcLength ?? 4) } as never)
          brandBadge.textContent = result.brand?.niceName ?? ''
        }
        // A finished, valid number moves the caret on to the expiry, as people expect.
        if (result.valid && document.activeElement === number.input && number.input.selectionStart === number.input.value.length) expiry.input.focus()
        onInput()
      })
      number.group.append(brandBadge)
      expiry = part('sf-expiry', 'cc-exp', '00{/}00', () => {
        if (expiry.mask.masked.isComplete && validateExpiry(expiry.mask.value, new Date()).valid && document.activeElement === expiry.input) cvc.input.focus()
        onInput()
      })
      cvc = part('sf-cvc', 'cc-csc', '0000', onInput)
      view.inputs.push(number.input, expiry.input, cvc.input)
      const row = h('div', { class: 'sf-row' }, number.group, expiry.group, cvc.group)
      root.prepend(h('fieldset', { class: 'sf-fieldset' }, legend, row))
    },
    configure(config: FieldConfig, locale: Locale) {
      legend.textContent = config.label
      legend.hidden = !config.label
      number.label.textContent = locale.t('card.label.number')
      expiry.label.textContent = locale.t('card.label.expiry')
      cvc.label.textContent = locale.t('card.label.cvc')
      number.input.placeholder = config.placeholder ?? locale.t('card.placeholder.number')
      expiry.input.placeholder = locale.t('card.placeholder.expiry')
      cvc.input.placeholder = locale.t('card.placeholder.cvc')
      for (const p of [number, expiry, cvc]) p.input.required = config.required
    },
    evaluate(now: Date): Evaluation {
      const n = number.mask.unmaskedValue
      const e = expiry.mask.value
      const c = cvc.mask.unmaskedValue
      const result = validateCard({ number: n, expiry: e, cvc: c }, now)
      const empty = !n && !e.trim() && !c
      const firstError = result.errors.number ? 'number' : result.errors.expiry ? 'expiry' : result.errors.cvc ? 'cvc' : undefined
      const input = firstError === 'number' ? number.input : firstError === 'expiry' ? expiry.input : firstError === 'cvc' ? cvc.input : undefined
      const code = firstError ? result.errors[firstError] : undefined
      return {
        empty,
        complete: result.complete,
        valid: result.valid,
        ...(result.brand ? { brand: result.brand.type } : {}),
        preview: result.valid ? result.preview : '',
        // At its brand's longest length a number cannot grow: its last four are final. (A
        // 16-digit Visa may still become 19 digits, so its preview waits for the customer to leave.)
        final: result.valid && !!result.brand && n.length === Math.max(...result.brand.lengths),
        ...(code ? { code } : {}),
        ...(input ? { input } : {}),
        kind: 'card',
      }
    },
    plaintext() {
      // The sealed value (docs/envelope.md): JSON with the digits, the expiry month and
      // four-digit year, and the security code.
      const { month, year } = validateExpiry(expiry.mask.value, new Date())
      return JSON.stringify({ number: number.mask.unmaskedValue, exp_month: month, exp_year: year, cvc: cvc.mask.unmaskedValue })
    },
    clear() {
      for (const p of [number, expiry, cvc]) p.mask.value = ''
      currentBrand = undefined
      brandBadge.textContent = ''
      number.mask.updateOptions({ mask: numberMask(undefined) } as never)
    },
  }
  return view
}
