/**
 * The gate frame's English and locale loader. The gate page is built with the field pages and
 * shares their chunks, so its English texts (`en-desk.ts`) are taken here, in a module only the
 * gate loads: through a shared module they would land in every field frame's bundle.
 *
 * @module
 */
import { enDesk } from './en-desk.js'
import { localeFrom, loadLocaleWith, type Locale } from './locale.js'

/** English with the gate's texts. */
export const GATE_ENGLISH: Locale = /* @__PURE__ */ localeFrom('en', enDesk)

/** Loads the gate's locale for a tag (see `loadLocale`). */
export function loadGateLocale(tag: string | undefined): Promise<Locale> {
  return loadLocaleWith(tag, GATE_ENGLISH)
}
