/**
 * How a revealed value reads: a card envelope's JSON (`docs/envelope.md`: `number`, `exp_month`,
 * `exp_year`, `cvc`) as labelled, grouped rows; every other kind as its string. Pure (no DOM), so
 * it is tested directly; the view puts the rows into text nodes.
 *
 * @module
 */
import type { Locale } from '../i18n/index.js'

/** One line of the revealed value. `label` is empty for a single unlabelled value. */
export interface RevealRow {
  label: string
  value: string
}

/** Digits in groups: 4-6-5 for a 15-digit number (American Express), else fours. */
export function groupCardNumber(digits: string): string {
  if (digits.length === 15) return `${digits.slice(0, 4)} ${digits.slice(4, 10)} ${digits.slice(10)}`
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ')
}

function cardRows(text: string, locale: Locale): RevealRow[] | undefined {
  let card: unknown
  try {
    card = JSON.parse(text)
  } catch {
    return undefined
  }
  const c = card as Record<string, unknown>
  if (typeof c !== 'object' || c === null || typeof c.number !== 'string' || typeof c.cvc !== 'string') return undefined
  if (!Number.isInteger(c.exp_month) || !Number.isInteger(c.exp_year)) return undefined
  const month = String(c.exp_month).padStart(2, '0')
  const year = String(c.exp_year).slice(-2).padStart(2, '0')
  return [
    { label: locale.t('reveal.card.number'), value: groupCardNumber(c.number) },
    { label: locale.t('reveal.card.expiry'), value: `${month}/${year}` },
    { label: locale.t('reveal.card.cvc'), value: c.cvc },
  ]
}

/**
 * The rows to show for an opened value of `kind`. A card value that is not the expected JSON is
 * shown as its string rather than hidden: the agent still needs it.
 */
export function formatRevealed(kind: string, text: string, locale: Locale): RevealRow[] {
  if (kind === 'card') {
    const rows = cardRows(text, locale)
    if (rows) return rows
  }
  return [{ label: '', value: text }]
}
