/**
 * Picks the frame's messages by locale (`locale` attribute, else the host page's `lang`, passed in
 * the config) and formats them. Unknown locales fall back by language, then to English. English
 * ships in every frame; the other tables are separate chunks fetched from the frame origin when a
 * field asks for them, so a frame carries one language, not five.
 *
 * @module
 */
import { en, type MessageKey, type Messages } from './en.js'

/** Loaders of the locales with a full message table. */
export const LOCALES: Record<string, () => Promise<Messages>> = {
  en: async () => en,
  es: async () => (await import('./es.js')).es,
  fr: async () => (await import('./fr.js')).fr,
  de: async () => (await import('./de.js')).de,
  ar: async () => (await import('./ar.js')).ar,
}

/** Right-to-left languages among {@link LOCALES}. */
const RTL = new Set(['ar'])

/** A resolved locale: its tag, direction and translate function. */
export interface Locale {
  lang: string
  dir: 'ltr' | 'rtl'
  t(key: MessageKey, values?: Record<string, string | number>): string
}

/** The supported language for a BCP 47 tag (`es-MX` → `es`), or `en`. */
export function languageOf(tag: string | undefined): string {
  const language = (tag ?? '').toLowerCase().split(/[-_]/)[0] ?? ''
  return Object.hasOwn(LOCALES, language) ? language : 'en'
}

/** Builds a {@link Locale} over a table. */
export function localeFrom(lang: string, table: Messages): Locale {
  return {
    lang,
    dir: RTL.has(lang) ? 'rtl' : 'ltr',
    t: (key, values) => {
      let text = table[key] ?? en[key] ?? key
      for (const [name, value] of Object.entries(values ?? {})) text = text.replace(`{${name}}`, String(value))
      return text
    },
  }
}

/** The English locale, available synchronously before any configuration. */
export const ENGLISH: Locale = localeFrom('en', en)

/** Loads the locale for a tag; English when the table cannot be loaded. */
export async function loadLocale(tag: string | undefined): Promise<Locale> {
  const lang = languageOf(tag)
  try {
    return localeFrom(lang, await LOCALES[lang]!())
  } catch {
    return ENGLISH
  }
}

export type { MessageKey, Messages }
