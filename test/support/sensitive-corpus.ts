/**
 * A generated, labelled corpus of chat messages for the detector of sensitive numbers: valid card
 * numbers of every brand and length `credit-card-type` knows (13–19 digits), SSNs and ITINs, IBANs
 * of every country `ibantools` knows — each in many layouts, digit scripts and sentences of the
 * five locales — and the look-alikes that must pass untouched: invalid cards, SSNs and IBANs, order
 * numbers, phone numbers, tracking numbers, dates, amounts, timestamps, ISBNs, IP addresses and
 * other identifiers.
 *
 * Deterministic: the same seed gives the same corpus (a small seeded generator here, fast-check's
 * `stringMatching` with a seed for BBANs). Brand prefixes and lengths come from `credit-card-type`
 * and country formats from `ibantools`, so the corpus follows the same data as the validators.
 */
import creditCardType from 'credit-card-type'
import fc from 'fast-check'
import { composeIBAN, getCountrySpecifications } from 'ibantools'
import { luhn, validateCardNumber } from '../../src/validate/card.js'
import { previewCard } from '../../src/validate/card.js'
import { previewIban, validateIban } from '../../src/validate/iban.js'
import { previewSsn, validateSsn } from '../../src/validate/ssn.js'
import type { SensitiveKind } from '../../src/validate/detect.js'

/** One message of the corpus. */
export interface CorpusItem {
  /** The message as a customer or agent would type it. */
  text: string
  /** What it holds: `card`, `ssn`, `iban`, or `undefined` for a look-alike that must pass. */
  kind?: SensitiveKind
  /** The preview the detector must give (for `kind` items). */
  preview?: string
  /** A finer label for the report: `card/visa/16`, `phone/intl`, `tracking/usps-22`… */
  category: string
}

/** A seeded generator (mulberry32): small, fast and the same everywhere. */
export function seeded(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)]!
  const digits = (n: number) => Array.from({ length: n }, () => String(int(0, 9))).join('')
  return { next, int, pick, digits }
}
type Random = ReturnType<typeof seeded>

/** The check digit that makes `payload` + digit pass Luhn. */
export function luhnCheckDigit(payload: string): string {
  for (let d = 0; d < 10; d++) if (luhn(payload + d)) return String(d)
  throw new Error('unreachable')
}

const SCRIPTS = { ascii: 0x30, 'arabic-indic': 0x660, 'extended-arabic-indic': 0x6f0, 'full-width': 0xff10 } as const
type Script = keyof typeof SCRIPTS

/** `text` with its ASCII digits written in `script`. */
export function inScript(text: string, script: Script): string {
  const zero = SCRIPTS[script]
  return zero === 0x30 ? text : text.replace(/[0-9]/g, (d) => String.fromCharCode(zero + Number(d)))
}

/** `digits` grouped at `gaps` with `separator`. */
function grouped(digits: string, gaps: readonly number[], separator: string): string {
  let out = ''
  for (let i = 0; i < digits.length; i++) out += (gaps.includes(i) ? separator : '') + digits[i]
  return out
}

const fill = (template: string, value: string) => template.replace('{}', value)

// ---------------------------------------------------------------------------------------------
// Valid numbers

const CARD_SENTENCES = [
  '{}',
  'my card number is {}',
  'here it is {} thanks',
  'Card: {} exp 11/29 cvv 123',
  'ok so the number is {}, expiry 04/28',
  'use {} please',
  'visa {}',
  'I ordered last week, can you charge {} instead?',
  'mi tarjeta es {}',
  'voici ma carte : {}',
  'Meine Kreditkarte: {}',
  'رقم بطاقتي {}',
  '{} 1129 123',
  '{} 11 29 123',
  '{} 2468',
  '11/29 {}',
]
// Every separator the fields read, full-width and division slashes among them (src/validate/digits.ts).
const CARD_SEPARATORS = ['', ' ', '-', '  ', '/', '.', '\u00a0', ' - ', '\u2009', '\uff0f', '\u2215', '\uff0e']

/** A prefix of the brand's pattern: a listed prefix, or a value in a listed range. */
function prefixOf(pattern: number | number[], random: Random): string {
  if (typeof pattern === 'number') return String(pattern)
  const [low, high] = pattern as [number, number]
  return String(random.int(low, high)).padStart(String(low).length, '0')
}

/** A valid number of `brand` and `length`, or `undefined` when the generator keeps landing on another brand. */
export function validCard(brand: string, length: number, random: Random): string | undefined {
  const info = creditCardType.getTypeInfo(brand)
  for (let attempt = 0; attempt < 200; attempt++) {
    const prefix = prefixOf(random.pick(info.patterns), random)
    if (prefix.length >= length) continue
    const payload = prefix + random.digits(length - 1 - prefix.length)
    const number = payload + luhnCheckDigit(payload)
    const result = validateCardNumber(number)
    if (result.valid && result.brand?.type === brand) return number
  }
  return undefined
}

/** Every brand of `credit-card-type` with each of its lengths from 13 to 19. */
export function cardBrandsAndLengths(): Array<{ brand: string; length: number; gaps: number[] }> {
  return Object.values(creditCardType.types).flatMap((brand) => {
    const info = creditCardType.getTypeInfo(brand)
    return info.lengths.filter((l) => l >= 13 && l <= 19).map((length) => ({ brand, length, gaps: info.gaps }))
  })
}

function cards(random: Random, perBrandLength: number): CorpusItem[] {
  const out: CorpusItem[] = []
  for (const { brand, length, gaps } of cardBrandsAndLengths()) {
    for (let k = 0; k < perBrandLength; k++) {
      const number = validCard(brand, length, random)
      if (!number) continue
      const separator = random.pick(CARD_SEPARATORS)
      const script: Script = k % 4 === 0 ? random.pick(['arabic-indic', 'extended-arabic-indic', 'full-width'] as const) : 'ascii'
      const written = inScript(grouped(number, separator === '' ? [] : gaps, separator), script)
      // CJK text has no spaces: a full-width number sits between kana.
      const sentence = script === 'full-width' && k % 8 === 0 ? 'カード番号は{}です' : random.pick(CARD_SENTENCES)
      out.push({ text: fill(sentence, written), kind: 'card', preview: previewCard(number), category: `card/${brand}/${length}` })
    }
  }
  return out
}

const SSN_SENTENCES = ['{}', 'my ssn is {}', 'SSN: {}', 'social security number {}', 'it is {}, born 04/12/1980', 'mi número de seguro social es {}', 'ok: {}']
const SSN_WORD_SENTENCES = ['SSN {}', 'my social is {}', '{} is my ssn', 'ssn#{}', 'Social Security No. {}', 'ITIN: {}', 'seguro social {}']
const SSN_SEPARATORS = ['-', ' ', '.', '\u2013', '/', ' - ', '\uff0f', '\u2215']

function validSsnDigits(random: Random, itin: boolean): string {
  for (;;) {
    const digits = itin
      ? `9${random.digits(2)}${random.pick(['5', '6', '7', '8', '9'])}${random.digits(1)}${random.digits(4)}`
      : `${String(random.int(1, 899)).padStart(3, '0')}${String(random.int(1, 99)).padStart(2, '0')}${String(random.int(1, 9999)).padStart(4, '0')}`
    const result = validateSsn(digits, { allowItin: true })
    if (result.valid && result.itin === itin) return digits
  }
}

function ssns(random: Random, count: number): CorpusItem[] {
  const out: CorpusItem[] = []
  for (let k = 0; k < count; k++) {
    const itin = k % 5 === 0
    const digits = validSsnDigits(random, itin)
    const script: Script = k % 4 === 0 ? random.pick(['arabic-indic', 'extended-arabic-indic', 'full-width'] as const) : 'ascii'
    const preview = previewSsn(digits, { allowItin: true })
    const sep = random.pick(SSN_SEPARATORS)
    const dashed = `${digits.slice(0, 3)}${sep}${digits.slice(3, 5)}${sep}${digits.slice(5)}`
    out.push({ text: fill(random.pick(SSN_SENTENCES), inScript(dashed, script)), kind: 'ssn', preview, category: `ssn/${itin ? 'itin' : 'ssn'}/grouped` })
    out.push({ text: fill(random.pick(SSN_WORD_SENTENCES), inScript(digits, script)), kind: 'ssn', preview, category: `ssn/${itin ? 'itin' : 'ssn'}/with-word` })
  }
  return out
}

const IBAN_SENTENCES = ['{}', 'my IBAN is {}', 'IBAN: {}', 'please refund to {}', 'mi IBAN es {}', 'Mon IBAN : {}', 'IBAN {} BIC DEUTDEFF', 'رقم الآيبان {}']

const bbanArbitraries = new Map<string, fc.Arbitrary<string>>()

/** A valid IBAN of `country`, or `undefined` when the national check digits keep failing. */
export function validIban(country: string, seed: number): string | undefined {
  const spec = getCountrySpecifications()[country]
  if (!spec?.bban_regexp) return undefined
  let arbitrary = bbanArbitraries.get(country)
  if (!arbitrary) bbanArbitraries.set(country, (arbitrary = fc.stringMatching(new RegExp(spec.bban_regexp))))
  const bbans = fc.sample(arbitrary, { seed, numRuns: 30 })
  for (const bban of bbans) {
    const iban = composeIBAN({ countryCode: country, bban })
    if (iban && validateIban(iban).valid) return iban
  }
  return undefined
}

/** Every country `ibantools` knows IBANs of. */
export function ibanCountries(): string[] {
  return Object.entries(getCountrySpecifications())
    .filter(([, spec]) => spec.chars && spec.bban_regexp)
    .map(([code]) => code)
}

function ibans(random: Random, perCountry: number): CorpusItem[] {
  const out: CorpusItem[] = []
  for (const country of ibanCountries()) {
    for (let k = 0; k < perCountry; k++) {
      const iban = validIban(country, random.int(1, 2 ** 30))
      if (!iban) continue
      const layout = k % 4
      let written = layout === 0 ? iban : layout === 1 ? iban.replace(/(.{4})(?!$)/g, '$1 ') : layout === 2 ? iban.toLowerCase() : iban.replace(/(.{4})(?!$)/g, '$1-')
      if (k % 5 === 4) written = inScript(written, 'arabic-indic')
      out.push({ text: fill(random.pick(IBAN_SENTENCES), written), kind: 'iban', preview: previewIban(iban), category: `iban/${country}` })
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Look-alikes

const look = (category: string, text: string): CorpusItem => ({ text, category })

function invalidNumbers(random: Random, count: number): CorpusItem[] {
  const out: CorpusItem[] = []
  const brands = cardBrandsAndLengths()
  for (let k = 0; k < count; k++) {
    const { brand, length, gaps } = random.pick(brands)
    const number = validCard(brand, length, random)
    if (!number) continue
    // Luhn broken: the check digit moved by one to nine.
    const broken = number.slice(0, -1) + String((Number(number.slice(-1)) + random.int(1, 9)) % 10)
    out.push(look('invalid/card-luhn', fill(random.pick(CARD_SENTENCES), grouped(broken, random.next() < 0.5 ? gaps : [], ' '))))
    // Luhn valid, but no brand starts so (0, 7, 8 outside UnionPay's 81…, 9 outside Troy's 9792).
    const first = random.pick(['0', '7', '80', '85', '88', '90', '99'])
    const payload = first + random.digits(15 - first.length)
    const noBrand = payload + luhnCheckDigit(payload)
    if (!validateCardNumber(noBrand).valid) out.push(look('invalid/card-no-brand', fill(random.pick(CARD_SENTENCES), grouped(noBrand, [4, 8, 12], random.pick([' ', '-', ''])))))
    // A brand's prefix and Luhn, at a length the brand does not issue (a 17-digit Visa).
    const visaPayload = '4' + random.digits(15)
    out.push(look('invalid/card-length', fill(random.pick(CARD_SENTENCES), visaPayload + luhnCheckDigit(visaPayload))))
    // SSN rules broken, grouped 3-2-4.
    const bad = random.pick([
      `000${random.digits(2).replace(/^00$/, '12')}${String(random.int(1, 9999)).padStart(4, '0')}`,
      `666${String(random.int(1, 99)).padStart(2, '0')}${String(random.int(1, 9999)).padStart(4, '0')}`,
      `${String(random.int(1, 665)).padStart(3, '0')}00${String(random.int(1, 9999)).padStart(4, '0')}`,
      `${String(random.int(1, 665)).padStart(3, '0')}${String(random.int(1, 99)).padStart(2, '0')}0000`,
      `9${random.digits(2)}${String(random.int(10, 49)).padStart(2, '0')}${random.digits(4)}`,
    ])
    out.push(look('invalid/ssn-rules', fill(random.pick(SSN_SENTENCES), `${bad.slice(0, 3)}-${bad.slice(3, 5)}-${bad.slice(5)}`)))
    // A valid SSN's nine digits, ungrouped, with no word that says SSN.
    const nine = validSsnDigits(random, false)
    out.push(look('invalid/nine-digits-no-word', fill(random.pick(['ticket {}', 'the code is {}', 'ref {}', '{}', 'customer id {}', 'I got {} points']), nine)))
    // An IBAN with its check digits changed.
    const iban = validIban(random.pick(['DE', 'FR', 'GB', 'ES', 'IT', 'NL', 'BE', 'CH']), random.int(1, 2 ** 30))
    if (iban) {
      const check = (Number(iban.slice(2, 4)) + random.int(1, 40)) % 97
      const wrong = iban.slice(0, 2) + String(check < 2 ? check + 2 : check).padStart(2, '0') + iban.slice(4)
      if (!validateIban(wrong).valid) out.push(look('invalid/iban-checksum', fill(random.pick(IBAN_SENTENCES), wrong)))
    }
  }
  return out
}

function orders(random: Random, count: number): CorpusItem[] {
  const out: CorpusItem[] = []
  const sentences = ['Order #{}', 'my order number is {}', 'order {}', '{}', 'I placed order {} yesterday', 'pedido {}', 'commande n° {}', 'Bestellnummer {}', 'رقم الطلب {}']
  for (let k = 0; k < count; k++) {
    const amazon = `${random.pick(['111', '112', '113', '114', '701', '702', '401', '403', '404', '405', '406', '407', '408'])}-${random.digits(7)}-${random.digits(7)}`
    const ebay = `${random.digits(2)}-${random.digits(5)}-${random.digits(5)}`
    const walmart = `2000${random.digits(11)}`
    const shopify = `#${random.int(1001, 999999)}`
    const generic = `${random.pick(['ORD', 'INV', 'PO', 'SO', 'A', 'BBY01'])}-${random.int(2015, 2026)}-${random.digits(random.int(4, 12))}`
    const glued = `${random.pick(['W', 'A', 'ORD', 'INV', 'BBY01'])}${random.digits(random.int(9, 18))}`
    // Long numeric order numbers, always named as such.
    const long = random.digits(1).replace('0', '7') + random.digits(random.int(12, 18))
    out.push(
      look('order/amazon-3-7-7', fill(random.pick(sentences), amazon)),
      look('order/ebay', fill(random.pick(sentences), ebay)),
      look('order/15-digit-2000', fill(random.pick(sentences), walmart)),
      look('order/shopify', fill(random.pick(sentences), shopify)),
      look('order/prefixed', fill(random.pick(sentences), generic)),
      look('order/glued-letters', fill(random.pick(sentences), glued)),
      look('order/long-named', fill(random.pick(['Order #{}', 'my order number is {}', 'order {}', 'pedido {}', 'commande {}', 'Bestellnummer {}', 'رقم الطلب {}', 'invoice {}', 'booking ref {}']), long)),
    )
  }
  return out
}

function phones(random: Random, count: number): CorpusItem[] {
  const out: CorpusItem[] = []
  const sentences = ['call me at {}', 'my number is {}', '{}', 'phone: {}', 'Tel. {}', 'WhatsApp {}', 'mi teléfono es {}', 'rappelez-moi au {}', 'Telefon {}', 'رقم هاتفي {}']
  const d = random.digits
  for (let k = 0; k < count; k++) {
    const formats: Array<[string, string]> = [
      ['us', `(${random.int(201, 989)}) ${d(3)}-${d(4)}`],
      ['us', `${random.int(201, 989)}-${d(3)}-${d(4)}`],
      ['us', `${random.int(201, 989)}.${d(3)}.${d(4)}`],
      ['us-intl', `+1 ${random.int(201, 989)} ${d(3)} ${d(4)}`],
      ['us-intl', `+1-${random.int(201, 989)}-${d(3)}-${d(4)}`],
      ['us-tollfree', `1-800-${d(3)}-${d(4)}`],
      ['uk', `+44 20 ${d(4)} ${d(4)}`],
      ['uk', `020 ${d(4)} ${d(4)}`],
      ['uk', `07${d(3)} ${d(6)}`],
      ['de', `+49 30 ${d(8)}`],
      ['de', `+49 (0)30 ${d(4)} ${d(4)}`],
      ['de', `0151 ${d(8)}`],
      ['fr', `+33 ${random.int(1, 9)} ${d(2)} ${d(2)} ${d(2)} ${d(2)}`],
      ['fr', `0${random.int(1, 9)} ${d(2)} ${d(2)} ${d(2)} ${d(2)}`],
      ['es', `+34 ${random.int(600, 999)} ${d(2)} ${d(2)} ${d(2)}`],
      ['es', `${random.int(600, 999)} ${d(2)} ${d(2)} ${d(2)}`],
      ['mx', `+52 55 ${d(4)} ${d(4)}`],
      ['in', `+91 ${random.int(70000, 99999)} ${d(5)}`],
      ['cn', `+86 1${d(2)} ${d(4)} ${d(4)}`],
      ['jp', `+81 3-${d(4)}-${d(4)}`],
      ['jp', `03-${d(4)}-${d(4)}`],
      ['br', `+55 11 9${d(4)}-${d(4)}`],
      ['br', `(11) 9${d(4)}-${d(4)}`],
      ['id', `+62 812 ${d(4)} ${d(4)}`],
      ['id', `0812-${d(4)}-${d(4)}`],
      ['id', `wa.me/62812${d(8)}`],
      // Country codes without their plus sign, grouped as they are spoken.
      ['no-plus', `62 812 ${d(4)} ${d(4)}`],
      ['no-plus', `60 12 ${d(3)} ${d(4)}`],
      ['no-plus', `44 7700 ${d(6)}`],
      ['no-plus', `1 ${random.int(201, 989)} ${d(3)} ${d(4)}`],
      ['ae', `+971 50 ${d(3)} ${d(4)}`],
      ['sa', `+966 5${d(1)} ${d(3)} ${d(4)}`],
      ['sa', inScript(`05${d(1)} ${d(3)} ${d(4)}`, 'arabic-indic')],
      ['eg', `+20 10 ${d(4)} ${d(4)}`],
      ['intl-00', `00 44 20 ${d(4)} ${d(4)}`],
      ['intl-011', `011 44 20 ${d(4)} ${d(4)}`],
      ['e164', `+${random.pick(['44', '49', '33', '34', '62', '86', '91', '55', '61', '81'])}${d(random.int(9, 11))}`],
      ['ext', `+1 ${random.int(201, 989)} ${d(3)} ${d(4)} ext. ${d(4)}`],
    ]
    const [category, number] = random.pick(formats)
    out.push(look(`phone/${category}`, fill(random.pick(sentences), number)))
  }
  return out
}

/** FedEx's check digit (mod 10, weights 3 and 1 from the right) for 15-digit Ground numbers. */
function fedexGroundCheck(payload: string): string {
  let sum = 0
  for (let i = 0; i < payload.length; i++) sum += Number(payload[payload.length - 1 - i]) * (i % 2 === 0 ? 3 : 1)
  return String((10 - (sum % 10)) % 10)
}

function trackings(random: Random, count: number): CorpusItem[] {
  const out: CorpusItem[] = []
  const sentences = ['tracking number {}', 'the tracking is {}', 'USPS {}', 'UPS: {}', 'FedEx tracking {}', 'my parcel {}', 'Sendungsnummer {}', 'número de seguimiento {}', 'suivi du colis {}', 'it shipped: {}']
  const d = random.digits
  const four = (s: string) => s.replace(/(.{4})(?!$)/g, '$1 ')
  for (let k = 0; k < count; k++) {
    const ups = `1Z${d(3)}${random.pick(['AA', 'E0', 'X1', 'W4'])}${d(10)}`
    const usps22 = `${random.pick(['92', '93', '94', '95'])}${d(20)}`
    const usps20 = `${random.pick(['70', '71', '03'])}${d(18)}`
    const fedex12 = d(12)
    const fedexPayload = d(14)
    const fedex15 = fedexPayload + fedexGroundCheck(fedexPayload)
    const dhl = d(10)
    out.push(
      look('tracking/ups-1z', fill(random.pick(sentences), k % 2 ? ups : ups.replace(/^(.{2})(.{3})(.{3})(.{2})(.{4})(.{4})$/, '$1 $2 $3 $4 $5 $6'))),
      look('tracking/usps-22', fill(random.pick(sentences), k % 2 ? usps22 : four(usps22))),
      look('tracking/usps-20', fill(random.pick(sentences), k % 2 ? usps20 : four(usps20))),
      look('tracking/fedex-12', fill(random.pick(sentences), k % 2 ? fedex12 : four(fedex12))),
      look('tracking/fedex-15', fill(random.pick(['FedEx tracking {}', 'tracking number {}', 'FedEx: {}', 'my fedex is {}', 'Sendungsnummer {}', 'suivi {}']), k % 2 ? fedex15 : four(fedex15))),
      look('tracking/dhl', fill(random.pick(sentences), dhl)),
    )
  }
  return out
}

function datesAndAmounts(random: Random, count: number): CorpusItem[] {
  const out: CorpusItem[] = []
  const pad = (n: number) => String(n).padStart(2, '0')
  for (let k = 0; k < count; k++) {
    const [y, m, day, h, min, s] = [random.int(1990, 2035), random.int(1, 12), random.int(1, 28), random.int(0, 23), random.int(0, 59), random.int(0, 59)]
    const [y2, m2, day2] = [random.int(1990, 2035), random.int(1, 12), random.int(1, 28)]
    const dates = [
      `${y}-${pad(m)}-${pad(day)}`,
      `${pad(day)}/${pad(m)}/${y}`,
      `${pad(m)}/${pad(day)}/${y}`,
      `${pad(day)}.${pad(m)}.${y}`,
      `${y}${pad(m)}${pad(day)}`,
      `${pad(day)}/${pad(m)}/${y} - ${pad(day2)}/${pad(m2)}/${y2}`,
      `${y}-${pad(m)}-${pad(day)} – ${y2}-${pad(m2)}-${pad(day2)}`,
      `${pad(day)}.${pad(m)}.${y} ${pad(day2)}.${pad(m2)}.${y2}`,
      `${pad(m)}/${pad(day)}/${y} ${pad(m2)}/${pad(day2)}/${y2}`,
      inScript(`${pad(day)}/${pad(m)}/${y}`, 'arabic-indic'),
    ]
    const times = [
      `${y}-${pad(m)}-${pad(day)} ${pad(h)}:${pad(min)}:${pad(s)}`,
      `${y}-${pad(m)}-${pad(day)}T${pad(h)}:${pad(min)}:${pad(s)}.${random.digits(3)}Z`,
      `${y}${pad(m)}${pad(day)}${pad(h)}${pad(min)}${pad(s)}`,
      `${y}${pad(m)}${pad(day)}${pad(h)}${pad(min)}${pad(s)}${random.digits(3)}`,
      String(random.int(946684800, 2051222400)),
      String(random.int(946684800, 2051222400)) + random.digits(3),
      String(random.int(946684800, 2051222400)) + random.digits(6),
    ]
    const big = random.int(1, 999)
    const amounts = [
      `$${random.int(1, 9999)}.${random.digits(2)}`,
      `$${big},${random.digits(3)},${random.digits(3)}.${random.digits(2)}`,
      `${big}.${random.digits(3)}.${random.digits(3)},${random.digits(2)} €`,
      `${big} ${random.digits(3)} ${random.digits(3)},${random.digits(2)} €`,
      `${big} ${random.digits(3)} ${random.digits(3)} ${random.digits(3)} ${random.digits(3)} €`,
      `USD ${big},${random.digits(3)},${random.digits(3)},${random.digits(3)}.${random.digits(2)}`,
      `¥${big},${random.digits(3)},${random.digits(3)}`,
      inScript(`${big}٬${random.digits(3)}٬${random.digits(3)} ر.س`, 'arabic-indic'),
    ]
    out.push(
      look('date', fill(random.pick(['on {}', 'from {}', '{}', 'delivered {}', 'el {}', 'le {}', 'am {}']), random.pick(dates))),
      look('timestamp', fill(random.pick(['at {}', '{}', 'logged {}', 'ts={}']), random.pick(times))),
      look('amount', fill(random.pick(['I paid {}', 'total {}', '{}', 'refund of {}', 'le montant est de {}', 'Betrag: {}', 'المبلغ {}']), random.pick(amounts))),
    )
  }
  return out
}

function identifiers(random: Random, count: number): CorpusItem[] {
  const out: CorpusItem[] = []
  const d = random.digits
  const hexString = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[random.int(0, 15)]).join('')
  for (let k = 0; k < count; k++) {
    const isbn13Payload = `${random.pick(['978', '979'])}${d(9)}`
    let sum = 0
    for (let i = 0; i < 12; i++) sum += Number(isbn13Payload[i]) * (i % 2 ? 3 : 1)
    const isbn13 = isbn13Payload + String((10 - (sum % 10)) % 10)
    const ip = () => `${random.int(1, 254)}.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`
    const imeiPayload = `35${d(12)}`
    const imei = imeiPayload + luhnCheckDigit(imeiPayload)
    out.push(
      look('isbn', fill(random.pick(['ISBN {}', 'the book {}', '{}']), k % 2 ? isbn13 : `${isbn13.slice(0, 3)}-${isbn13.slice(3, 4)}-${isbn13.slice(4, 6)}-${isbn13.slice(6, 12)}-${isbn13.slice(12)}`)),
      look('ip', fill(random.pick(['from {}', 'server {}', '{}', 'IPs {}']), random.pick([ip(), `${ip()}:${random.int(80, 65535)}`, `${ip()}, ${ip()}`, `${ip()} ${ip()}`, `2001:db8::${hexString(4)}`]))),
      look('uuid', fill(random.pick(['request {}', '{}', 'id {}']), `${hexString(8)}-${hexString(4)}-4${hexString(3)}-a${hexString(3)}-${hexString(12)}`)),
      look('hash', fill(random.pick(['commit {}', 'sha {}', '{}']), hexString(40))),
      look('imei', fill(random.pick(['IMEI {}', 'imei: {}', 'my IMEI is {}']), k % 2 ? imei : `${imei.slice(0, 2)}-${imei.slice(2, 8)}-${imei.slice(8, 14)}-${imei.slice(14)}`)),
      look('zip', fill(random.pick(['zip {}', '{}', 'ZIP+4 {}']), `${d(5)}-${d(4)}`)),
      look('ca-sin', fill(random.pick(['{}', 'my number {}']), `${d(3)} ${d(3)} ${d(3)}`)),
      look('version', fill(random.pick(['version {}', 'v{}', 'build {}']), `${random.int(0, 20)}.${random.int(0, 40)}.${random.int(0, 300)}.${d(6)}`)),
      look('account-ref', fill(random.pick(['customer id {}', 'account {}', 'member #{}', 'case {}']), d(random.int(6, 12)))),
    )
  }
  return out
}

/** Sizes of a corpus: how many items of each family. */
export interface CorpusSize {
  /** Valid cards per brand and length. */
  cardsPerBrandLength: number
  /** Valid SSNs/ITINs (each gives two items, grouped and with a word). */
  ssns: number
  /** Valid IBANs per country. */
  ibansPerCountry: number
  /** Rounds of each look-alike family (each round gives several items). */
  lookAlikeRounds: number
}

/** A corpus for tests: every brand, length and country, a few hundred look-alikes of each kind. */
export const TEST_CORPUS: CorpusSize = { cardsPerBrandLength: 12, ssns: 300, ibansPerCountry: 4, lookAlikeRounds: 400 }

/** Builds the corpus of `size` from `seed`. */
export function buildCorpus(seed = 20260301, size: CorpusSize = TEST_CORPUS): CorpusItem[] {
  const random = seeded(seed)
  return [
    ...cards(random, size.cardsPerBrandLength),
    ...ssns(random, size.ssns),
    ...ibans(random, size.ibansPerCountry),
    ...invalidNumbers(random, size.lookAlikeRounds),
    ...orders(random, size.lookAlikeRounds),
    ...phones(random, size.lookAlikeRounds * 3),
    ...trackings(random, size.lookAlikeRounds),
    ...datesAndAmounts(random, size.lookAlikeRounds),
    ...identifiers(random, size.lookAlikeRounds),
  ]
}

/** How the detector did on a corpus. */
export interface CorpusScore {
  /** Per kind: found with the right preview (tp), missed or mis-previewed (fn), reported on an item of another kind or a look-alike (fp). */
  kinds: Record<SensitiveKind, { items: number; tp: number; fn: number; fp: number }>
  /** Look-alikes: how many, how many had anything reported. */
  lookAlikes: { items: number; touched: number }
  /** Per category: items and wrong answers (a miss, or anything reported on a look-alike). */
  categories: Record<string, { items: number; wrong: number; example?: string }>
}

/** Scores `find` (the detector, or anything shaped like it) on `items`. */
export function scoreCorpus(items: readonly CorpusItem[], find: (text: string) => Array<{ kind: SensitiveKind; preview: string }>): CorpusScore {
  const kinds = { card: { items: 0, tp: 0, fn: 0, fp: 0 }, ssn: { items: 0, tp: 0, fn: 0, fp: 0 }, iban: { items: 0, tp: 0, fn: 0, fp: 0 } }
  const lookAlikes = { items: 0, touched: 0 }
  const categories: CorpusScore['categories'] = {}
  for (const item of items) {
    const found = find(item.text)
    const category = (categories[item.category] ??= { items: 0, wrong: 0 })
    category.items++
    let wrong = false
    if (item.kind) {
      kinds[item.kind].items++
      const hit = found.some((m) => m.kind === item.kind && m.preview === item.preview)
      hit ? kinds[item.kind].tp++ : kinds[item.kind].fn++
      wrong = !hit
      for (const m of found) if (!(m.kind === item.kind && m.preview === item.preview)) kinds[m.kind].fp++
    } else {
      lookAlikes.items++
      if (found.length) lookAlikes.touched++
      wrong = found.length > 0
      for (const m of found) kinds[m.kind].fp++
    }
    if (wrong) {
      category.wrong++
      category.example ??= item.text
    }
  }
  return { kinds, lookAlikes, categories }
}
