/**
 * Which language an element's frame speaks: its own `locale`, else the closest `lang` attribute,
 * else the document's, else English. The frame falls back further by language (`es-MX` → `es`).
 *
 * @module
 */

/** The BCP 47 tag for `element`'s frame. */
export function localeOf(element: Element, explicit: string | null | undefined): string {
  return explicit || element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en'
}
