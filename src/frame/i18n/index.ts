/**
 * Picks the frame's messages by locale (`locale` attribute, else the host page's `lang`, passed in
 * the config) and formats them. Unknown locales fall back by language, then to English. English
 * ships in every frame; the other tables are separate chunks fetched from the frame origin when a
 * field asks for them, so a frame carries one language, not five.
 *
 * @module
 */
import { en, type MessageKey, type Messages } from './en.js'
import { OTHER_LOCALES, localeFrom, loadLocaleWith, type Locale } from './locale.js'

export { languageOf, localeFrom, loadLocaleWith, type Locale } from './locale.js'

/** Loaders of the locales with a full message table. */
export const LOCALES: Record<string, () => Promise<Messages>> = { en: async () => en, ...OTHER_LOCALES }

/**
 * The English locale with every text, available synchronously before any configuration. Field
 * frames and the gate carry only their own parts of it (`startFieldApp`, `gate.ts`).
 */
export const ENGLISH: Locale = /* @__PURE__ */ localeFrom('en', en)

/** Loads the locale for a tag; English when the table cannot be loaded. */
export function loadLocale(tag: string | undefined): Promise<Locale> {
  return loadLocaleWith(tag, ENGLISH)
}

export type { MessageKey, Messages }
