/**
 * Context words around a number in free text, for the detector (`detect.ts`): words that make a
 * nine-digit run an SSN, and words that say a long run is an order, a parcel or a phone rather
 * than a card. Only the text on the number's own line, within {@link CONTEXT_WINDOW} characters,
 * counts, so a transcript can be judged line by line.
 *
 * The lists cover the five locales of the fields (en, es, fr, de, ar). They are matched whole-word
 * (a letter or digit on either side breaks the match) and case-insensitively.
 *
 * @module
 */

/** How many characters before (and, for SSNs, after) a number are read for context words. */
export const CONTEXT_WINDOW = 40

/** Builds a whole-word, case-insensitive alternation of regular-expression fragments. */
function words(fragments: readonly string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${fragments.join('|')})(?![\\p{L}\\p{N}])`, 'giu')
}

/** Words that announce a US Social Security Number or an ITIN. */
const SSN_WORDS = words([
  'ssns?',
  'ss ?#',
  'ss ?n(?:o|um(?:ber)?)\\.?',
  'social(?: security)?(?: (?:number|no\\.?|#))?',
  'soc\\.? ?sec\\.?',
  'itins?',
  'tax ?(?:payer )?id(?:entification)?(?: number)?',
  'taxpayer',
  'seguro social',
  'n[uú]mero de seguro',
])

/** Words that announce a payment card. */
const CARD_WORDS = words([
  'cards?',
  'credit',
  'debit',
  'visa',
  'master ?card',
  'amex',
  'american express',
  'discover',
  'diners',
  'jcb',
  'maestro',
  'union ?pay',
  'cc ?#?',
  'ccn',
  'pan',
  'cvv2?',
  'cvc2?',
  'tarjeta',
  'cr[eé]dito',
  'd[eé]bito',
  'carte',
  'cb',
  'kreditkarte',
  'karte(?:nnummer)?',
  'cart[aã]o',
  'ال?بطاق[ةت]ي?',
  'ائتمان',
])

/**
 * Words that say the number that follows is something else: an order, a shipment, an invoice, a
 * booking, a phone or a device. Words that are also everyday English (`case`, `call`, `track` as
 * a verb…) are left out: a sentence such as "just in case: 4111…" must still be caught.
 */
const NOT_CARD_WORDS = words([
  'orders?',
  'order ?(?:no\\.?|#|number|id)',
  'tracking',
  'shipments?',
  'shipping',
  'parcel',
  'delivery',
  'invoice',
  'receipt',
  'ref\\.?',
  'reference',
  'confirmation',
  'booking',
  'reservation',
  'ticket',
  'phone',
  'tel\\.?',
  'telephone',
  'mobile',
  'fax',
  'whatsapp',
  'imei',
  'isbn',
  'serial',
  'sku',
  'upc',
  'ean',
  'fedex',
  'ups',
  'usps',
  'dhl',
  'awb',
  'pedido',
  'seguimiento',
  'env[ií]o',
  'factura',
  'referencia',
  'tel[eé]fono',
  'commande',
  'suivi',
  'colis',
  'facture',
  'r[eé]f[eé]rence',
  't[eé]l[eé]phone',
  'bestellung',
  'bestellnummer',
  'sendung(?:snummer)?',
  'rechnung',
  'paket',
  'telefon',
  'ال?طلب',
  'تتبع',
  'ال?شحنة',
  'ال?فاتورة',
  'ال?هاتف',
])

/** The text of `text`'s line before `start`, at most {@link CONTEXT_WINDOW} characters. */
function before(text: string, start: number): string {
  const slice = text.slice(Math.max(0, start - CONTEXT_WINDOW), start)
  const lineBreak = Math.max(slice.lastIndexOf('\n'), slice.lastIndexOf('\r'))
  return lineBreak < 0 ? slice : slice.slice(lineBreak + 1)
}

/** The text of `text`'s line after `end`, at most {@link CONTEXT_WINDOW} characters. */
function after(text: string, end: number): string {
  const slice = text.slice(end, end + CONTEXT_WINDOW)
  const lineBreak = slice.search(/[\n\r]/)
  return lineBreak < 0 ? slice : slice.slice(0, lineBreak)
}

/** Where the last match of `pattern` in `text` ends, or -1. */
function lastEnd(pattern: RegExp, text: string): number {
  let end = -1
  pattern.lastIndex = 0
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) end = m.index + m[0].length
  return end
}

/** Whether an SSN word stands near the number at `[start, end)` of `text`, before or after it. */
export function hasSsnContext(text: string, start: number, end: number): boolean {
  return lastEnd(SSN_WORDS, before(text, start)) >= 0 || lastEnd(SSN_WORDS, after(text, end)) >= 0
}

/**
 * Whether the words just before `start` say the number there is not a card: the nearest context
 * word before it is an order, shipment, phone… word rather than a card word.
 */
export function hasNotCardContext(text: string, start: number): boolean {
  const window = before(text, start)
  const notCard = lastEnd(NOT_CARD_WORDS, window)
  return notCard >= 0 && notCard > lastEnd(CARD_WORDS, window)
}
