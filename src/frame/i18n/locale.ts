/**
 * The language machinery every frame shares, without any English table of its own: each page
 * brings its English (`fields.ts`, `gate.ts`, or the whole table in `index.ts`), so a page's bundle
 * carries only the English texts it shows. The other languages are chunks fetched from the frame
 * origin when a configuration asks for them.
 *
 * @module
 */
import type { MessageKey, Messages } from './keys.js'

/** The languages other than English, fetched from the frame origin when asked for. */
export const OTHER_LOCALES: Record<string, () => Promise<Messages>> = {
  es: async () => (await import('./es.js')).es,
  fr: async () => (await import('./fr.js')).fr,
  de: async () => (await import('./de.js')).de,
  ar: async () => (await import('./ar.js')).ar,
}

/** Right-to-left languages. */
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
  return Object.hasOwn(OTHER_LOCALES, language) ? language : 'en'
}

/** Builds a {@link Locale} over a table (every full table has every key: a test checks). */
export function localeFrom(lang: string, table: Partial<Messages>): Locale {
  return {
    lang,
    dir: RTL.has(lang) ? 'rtl' : 'ltr',
    t: (key, values) => {
      let text = table[key] ?? key
      for (const [name, value] of Object.entries(values ?? {})) text = text.replace(`{${name}}`, String(value))
      return text
    },
  }
}

/** Loads the locale for a tag: `english` for English, and when the table cannot be loaded. */
export async function loadLocaleWith(tag: string | undefined, english: Locale): Promise<Locale> {
  const lang = languageOf(tag)
  try {
    return lang === 'en' ? english : localeFrom(lang, await OTHER_LOCALES[lang]!())
  } catch {
    return english
  }
}
