/**
 * The composer guard's notice: one localized sentence that says what was hidden (by its preview)
 * and what to do instead, in a live region so that screen readers announce it without moving
 * focus. English, Spanish, French, German and Arabic, like the fields.
 *
 * @module
 */
import type { SensitiveKind } from '../validate/detect.js'

/** What the notice says about one hidden number. */
export interface NoticeItem {
  kind: SensitiveKind
  preview: string
}

interface NoticeTexts {
  /** The name of each kind, before its preview. */
  kinds: Record<SensitiveKind, string>
  /** Before the list of hidden numbers. */
  lead: string
  /** After it: why, and what to do instead. */
  advice: string
  /** "and N more", for long lists. */
  more: (count: number) => string
  /** Between list items. */
  comma: string
  dir: 'ltr' | 'rtl'
}

/** The notice in each language; the guard picks by the composer's language, else English. */
export const NOTICE_TEXTS: Readonly<Record<'en' | 'es' | 'fr' | 'de' | 'ar', NoticeTexts>> = {
  en: {
    kinds: { card: 'card', ssn: 'Social Security number', iban: 'IBAN' },
    lead: 'Hidden for your safety:',
    advice: 'Numbers like these are not sent in the chat. Please use a secure form instead.',
    more: (n) => `and ${n} more`,
    comma: ', ',
    dir: 'ltr',
  },
  es: {
    kinds: { card: 'tarjeta', ssn: 'número de Seguro Social', iban: 'IBAN' },
    lead: 'Ocultado por su seguridad:',
    advice: 'Estos números no se envían por el chat. Use un formulario seguro.',
    more: (n) => `y ${n} más`,
    comma: ', ',
    dir: 'ltr',
  },
  fr: {
    kinds: { card: 'carte', ssn: 'numéro de sécurité sociale américain', iban: 'IBAN' },
    lead: 'Masqué pour votre sécurité :',
    advice: 'Ces numéros ne sont pas envoyés dans la discussion. Utilisez plutôt un formulaire sécurisé.',
    more: (n) => `et ${n} de plus`,
    comma: ', ',
    dir: 'ltr',
  },
  de: {
    kinds: { card: 'Karte', ssn: 'US-Sozialversicherungsnummer', iban: 'IBAN' },
    lead: 'Zu Ihrer Sicherheit ausgeblendet:',
    advice: 'Solche Nummern werden nicht im Chat gesendet. Bitte nutzen Sie stattdessen ein sicheres Formular.',
    more: (n) => `und ${n} weitere`,
    comma: ', ',
    dir: 'ltr',
  },
  ar: {
    kinds: { card: 'بطاقة', ssn: 'رقم الضمان الاجتماعي الأمريكي', iban: 'آيبان' },
    lead: 'أُخفي حفاظًا على أمانك:',
    advice: 'لا تُرسَل أرقام كهذه في الدردشة. يُرجى استخدام نموذج آمن بدلًا من ذلك.',
    more: (n) => `و${n} غيرها`,
    comma: '، ',
    dir: 'rtl',
  },
}

/** The most numbers listed by name; the rest are counted. */
const LISTED = 3

/** The texts for a BCP 47 tag, by its language (`es-MX` → `es`), else English. */
export function noticeTexts(locale: string): NoticeTexts {
  const language = locale.toLowerCase().split(/[-_]/)[0] as keyof typeof NOTICE_TEXTS
  return NOTICE_TEXTS[language] ?? NOTICE_TEXTS.en
}

/** Makes `element` a polite live region (unless the page already chose a role and politeness). */
export function makeLiveRegion(element: HTMLElement): void {
  if (!element.hasAttribute('role')) element.setAttribute('role', 'status')
  if (!element.hasAttribute('aria-live')) element.setAttribute('aria-live', 'polite')
}

/** A live region no one sees, for pages that show their own notice (`notice: false`). */
export function hiddenLiveRegion(doc: Document): HTMLElement {
  const region = doc.createElement('div')
  region.className = 'secure-composer-notice'
  // Visually hidden, still in the accessibility tree (display: none would silence it).
  region.style.cssText = 'position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap'
  makeLiveRegion(region)
  doc.body.append(region)
  return region
}

/**
 * Writes the notice for `items` into `region`. Previews are isolated (`<bdi>`) so that an English
 * brand and Latin digits read in order inside Arabic text. The same notice twice in a row differs
 * by a trailing no-break space, so that screen readers announce it again.
 */
export function writeNotice(region: HTMLElement, items: readonly NoticeItem[], locale: string): void {
  const texts = noticeTexts(locale)
  const doc = region.ownerDocument
  const parts: Array<string | Node> = [`${texts.lead} `]
  items.slice(0, LISTED).forEach((item, i) => {
    if (i > 0) parts.push(texts.comma)
    const preview = doc.createElement('bdi')
    preview.textContent = item.preview
    parts.push(`${texts.kinds[item.kind]} `, preview)
  })
  if (items.length > LISTED) parts.push(` ${texts.more(items.length - LISTED)}`)
  parts.push(`. ${texts.advice}`)
  const repeat = region.dataset.notice === 'shown' && region.textContent === textOf(parts)
  region.replaceChildren(...parts, ...(repeat ? ['\u00a0'] : []))
  region.dir = texts.dir
  region.lang = locale
  region.dataset.notice = 'shown'
  region.dataset.kinds = [...new Set(items.map((i) => i.kind))].join(' ')
}

function textOf(parts: ReadonlyArray<string | Node>): string {
  return parts.map((p) => (typeof p === 'string' ? p : p.textContent)).join('')
}

/** Empties the notice. */
export function clearNotice(region: HTMLElement): void {
  region.replaceChildren()
  delete region.dataset.notice
  delete region.dataset.kinds
}
