/**
 * The card page: number, expiry and security code in one frame. Every input goes through the
 * frame's input pipeline (`input-pipeline.ts`): digits of any script, separators and stray
 * characters are read first, then formatted (the brand's grouping, `MM/YY`), then validated by
 * `src/validate/` — nothing is cut to fit a mask and nothing that cannot belong is dropped.
 *
 * A card typed in one go is read as one stream (`segmentCardEntry`): the caret moves on as soon
 * as the number and then the date are valid, and digits of a longer number that spilled into the
 * expiry are moved back into the number.
 *
 * @module
 */
import type { FieldConfig } from '../../protocol/messages.js'
import { formatCardNumber, validateCardNumber } from '../../validate/card.js'
import { validateCard } from '../../validate/card-form.js'
import { segmentCardEntry, type CardPart, type CardSegmentation } from '../../validate/card-entry.js'
import { digitOf, isSeparator, normalizeDigits, sanitizeDigits } from '../../validate/digits.js'
import { formatExpiry, validateExpiry } from '../../validate/expiry.js'
import type { Locale } from '../i18n/index.js'
import type { Evaluation, FieldView } from '../runtime/view.js'
import { attachInput, writeInput, type Edit } from '../runtime/input-pipeline.js'
import { h, uid } from '../runtime/dom.js'

/** Digits grouped as the brand prints them; anything but digits and separators left in view. */
export function formatNumberInput(raw: string): string {
  const { digits, hadInvalid } = sanitizeDigits(raw)
  return hadInvalid ? normalizeDigits(raw) : formatCardNumber(digits, validateCardNumber(digits).brand)
}

/** The security code's digits; anything else left in view. */
export function formatCvcInput(raw: string): string {
  const { digits, hadInvalid } = sanitizeDigits(raw)
  return hadInvalid ? normalizeDigits(raw) : digits
}

/**
 * The longest sealed card, in bytes: 19 digits, a two-digit month, a four-digit year and a
 * four-digit code in the JSON of {@link FieldView.plaintext}.
 */
const CARD_MAX_BYTES = JSON.stringify({ number: '0'.repeat(19), exp_month: 12, exp_year: 2099, cvc: '0000' }).length

/** Digits after which the page may learn the brand (see `evaluate`). */
const BRAND_DISCLOSED_AT = 8

/** Edits that add text where the caret was (typing, an IME, paste, drop, autofill). */
const INSERTS = new Set(['insertText', 'insertCompositionText', 'insertFromPaste', 'insertFromDrop', 'insertReplacementText', ''])

/** Whether every character of `text` is a digit (any script) or a separator. */
const onlyDigitsAndSeparators = (text: string) => Array.from(text).every((c) => digitOf(c) !== undefined || isSeparator(c))

interface Part {
  group: HTMLDivElement
  label: HTMLLabelElement
  input: HTMLInputElement
}

/** Creates the card view. */
export function createCardView(): FieldView {
  let parts: Record<CardPart, Part>
  let legend: HTMLLegendElement
  let brandBadge: HTMLSpanElement
  /**
   * Everything typed in one go since the number was started, while the customer types straight
   * on (see {@link segmentCardEntry}); `undefined` once they edit anything else.
   */
  let stream: string | undefined
  let segmentation: CardSegmentation | undefined

  const value = (part: CardPart) => parts[part].input.value
  const focused = () => Object.values(parts).some((p) => p.input.ownerDocument.activeElement === p.input)

  /** Set while the view itself moves the caret, to tell its moves from the customer's. */
  let moving = false

  /** Moves the caret to the end of `part` when the customer is typing in this frame. */
  function moveTo(part: CardPart): void {
    const { input } = parts[part]
    if (!focused() || input.ownerDocument.activeElement === input) return
    moving = true
    try {
      input.focus()
    } finally {
      moving = false
    }
    input.setSelectionRange(input.value.length, input.value.length)
  }

  /** Shows a reading of the stream in the three inputs and puts the caret where it continues. */
  function show(next: CardSegmentation): void {
    segmentation = next
    writeInput(parts.number.input, formatNumberInput(next.entry.number))
    writeInput(parts.expiry.input, formatExpiry(next.entry.expiry))
    writeInput(parts.cvc.input, next.entry.cvc)
    moveTo(next.next)
  }

  /**
   * Decides whether an edit continues (or starts) a card typed in one go. It does when it types
   * digits or separators where the stream continues — or when a number typed, pasted or
   * autofilled into an empty card starts one (a pasted `4242 4242 4242 4242 12/30 123` fills all
   * three). A paste or autofill into the expiry or the code is that input's own value: the
   * boundary is known, and the stream ends. So does a stray character: it stays where it was
   * typed, to be reported.
   */
  function onEdit(part: CardPart, edit: Edit): boolean {
    const insert = INSERTS.has(edit.type)
    const whole = edit.type === 'insertFromPaste' || edit.type === 'insertReplacementText' || edit.type === ''
    const continuing = stream !== undefined && insert && !whole && edit.atEnd && part === (segmentation?.next ?? 'number')
    const starting = part === 'number' && insert && value('expiry') === '' && value('cvc') === '' && (edit.atEnd || whole)
    const next = continuing ? `${stream}${edit.inserted}` : starting ? parts.number.input.value : undefined
    if (next === undefined || !onlyDigitsAndSeparators(next)) {
      stream = undefined
      segmentation = undefined
      return false
    }
    // Pasted or autofilled whole, the text is finished: a 17-digit number is the number. Text that
    // reads as no finished card (a number too long) stays where it was put, to be reported.
    const reading = segmentCardEntry(next, new Date(), { finished: whole })
    if (whole && !reading.finished) {
      stream = undefined
      segmentation = undefined
      return false
    }
    stream = next
    show(reading)
    return true
  }

  /**
   * The customer put the caret in `part` themselves — a click or tap into it, or Tab — while typing
   * a card in one go: what they typed before belongs to the inputs before it, and what comes next
   * starts there. A 17-digit number whose sixteenth digit moved the caret on, and whose last digit
   * went into the expiry, goes back whole into the number; the stream ends.
   */
  function onCustomerMove(part: CardPart): void {
    if (moving || stream === undefined || part === 'number') return
    const finished = segmentCardEntry(stream, new Date(), { finished: true })
    if (finished.finished && finished.next === part && !finished.ambiguous) show(finished)
    stream = undefined
    segmentation = undefined
  }

  /** Outside a stream, a valid number or date typed up to its end still moves the caret on. */
  function advance(part: CardPart, now: Date): void {
    if (stream !== undefined || !focused()) return
    const { input } = parts[part]
    if (input.selectionStart !== input.value.length) return
    if (part === 'number' && validateCardNumber(input.value).valid) moveTo('expiry')
    if (part === 'expiry' && validateExpiry(input.value, now).valid) moveTo('cvc')
  }

  function part(name: CardPart, className: string, autocomplete: string, format: (raw: string) => string, onInput: () => void): Part {
    const id = uid(className)
    const input = h('input', { id, class: 'sf-input', type: 'text', inputmode: 'numeric', autocomplete, spellcheck: 'false', autocorrect: 'off' })
    const label = h('label', { class: 'sf-label', for: id })
    const group = h('div', { class: `sf-group ${className}` }, label, input)
    input.addEventListener('pointerdown', () => onCustomerMove(name))
    input.addEventListener('focus', () => onCustomerMove(name))
    let inserted = false
    attachInput(
      input,
      format,
      (edit) => {
        inserted = INSERTS.has(edit.type) && edit.inserted !== ''
        return onEdit(name, edit)
      },
      () => {
        if (inserted) advance(name, new Date())
        onInput()
      },
    )
    return { group, label, input }
  }

  const view: FieldView = {
    inputs: [],
    mount(root, onInput) {
      legend = h('legend', { class: 'sf-legend' })
      brandBadge = h('span', { class: 'sf-brand', 'aria-hidden': 'true' })
      parts = {
        number: part('number', 'sf-number', 'cc-number', formatNumberInput, onInput),
        expiry: part('expiry', 'sf-expiry', 'cc-exp', formatExpiry, onInput),
        cvc: part('cvc', 'sf-cvc', 'cc-csc', formatCvcInput, onInput),
      }
      // The badge shares the label's line, never the input's: it cannot cover a digit at any
      // width or font size.
      parts.number.group.prepend(h('div', { class: 'sf-label-row' }, parts.number.label, brandBadge))
      view.inputs.push(parts.number.input, parts.expiry.input, parts.cvc.input)
      const row = h('div', { class: 'sf-row' }, parts.number.group, parts.expiry.group, parts.cvc.group)
      root.prepend(h('fieldset', { class: 'sf-fieldset' }, legend, row))
    },
    configure(config: FieldConfig, locale: Locale) {
      legend.textContent = config.label
      legend.hidden = !config.label
      parts.number.label.textContent = locale.t('card.label.number')
      parts.expiry.label.textContent = locale.t('card.label.expiry')
      parts.cvc.label.textContent = locale.t('card.label.cvc')
      parts.number.input.placeholder = config.placeholder ?? locale.t('card.placeholder.number')
      parts.expiry.input.placeholder = locale.t('card.placeholder.expiry')
      parts.cvc.input.placeholder = locale.t('card.placeholder.cvc')
      for (const p of Object.values(parts)) p.input.required = config.required
    },
    evaluate(now: Date): Evaluation {
      const result = validateCard({ number: value('number'), expiry: value('expiry'), cvc: value('cvc') }, now)
      brandBadge.textContent = result.brand?.niceName ?? ''
      const empty = !value('number').trim() && !value('expiry').trim() && !value('cvc').trim()
      const ambiguous = stream !== undefined && segmentation?.ambiguous === true
      const problems: NonNullable<Evaluation['problems']> = []
      if (ambiguous) problems.push({ input: parts.number.input, code: 'card.entry.ambiguous', complete: true })
      for (const name of ['number', 'expiry', 'cvc'] as const) {
        const code = result.errors[name]
        if (code) problems.push({ input: parts[name].input, code, complete: result.completeParts[name] })
      }
      const valid = result.valid && !ambiguous
      const first = problems[0]
      const cvcFull = !!result.brand && result.completeParts.cvc && value('cvc').length === result.brand.cvcLength
      return {
        empty,
        complete: result.complete,
        valid,
        // The page learns the brand once eight digits are typed, when every number has one brand
        // or none: earlier, the digit at which it became certain would tell more of the number than
        // its brand (`4` could still be Elo or Naranja). The badge inside the frame shows it at once.
        ...(result.brand && sanitizeDigits(value('number')).digits.length >= BRAND_DISCLOSED_AT ? { brand: result.brand.type } : {}),
        preview: valid ? result.preview : '',
        // Final once nothing typed next can change the number: the code is typed in full and, for
        // a card typed in one go, no longer number can still be read from it.
        final: valid && (stream !== undefined ? segmentation?.settled === true : cvcFull),
        ...(first ? { code: first.code, input: first.input } : {}),
        problems,
        kind: 'card',
      }
    },
    plaintext() {
      // The sealed value (docs/envelope.md): JSON with the digits, the expiry month and
      // four-digit year, and the security code.
      const { month, year } = validateExpiry(value('expiry'), new Date())
      return JSON.stringify({ number: sanitizeDigits(value('number')).digits, exp_month: month, exp_year: year, cvc: sanitizeDigits(value('cvc')).digits })
    },
    maxBytes() {
      return CARD_MAX_BYTES
    },
    clear() {
      for (const p of Object.values(parts)) p.input.value = ''
      stream = undefined
      segmentation = undefined
      brandBadge.textContent = ''
    },
  }
  return view
}
