/**
 * The theme allow-list: the only CSS custom properties a host may set inside a frame, and the
 * check every value passes on both sides. No `url()`, no `@import`, no `expression`, no escapes,
 * bounded length — a theme can change how a field looks, never what it loads or runs.
 *
 * @module
 */

/** Allow-listed custom properties, each documented in `docs/theming.md`. */
export const THEME_PROPERTIES = [
  '--sf-font-family',
  '--sf-font-size',
  '--sf-font-weight',
  '--sf-line-height',
  '--sf-color-text',
  '--sf-color-placeholder',
  '--sf-color-label',
  '--sf-color-background',
  '--sf-color-border',
  '--sf-color-focus',
  '--sf-color-error',
  '--sf-color-success',
  '--sf-color-accent',
  '--sf-color-accent-text',
  '--sf-border-width',
  '--sf-border-radius',
  '--sf-padding',
  '--sf-gap',
  '--sf-input-height',
  '--sf-focus-ring-width',
  '--sf-label-size',
  '--sf-error-size',
  '--sf-color-scheme',
] as const

/**
 * The color scheme the frame renders in, `light` or `dark`: its `color-scheme` and the defaults it
 * picks. Elements set it to the page's own scheme unless a theme names one; the iframe gets the
 * same, so the frame stays transparent (a browser paints a frame opaque when the two differ).
 */
export const COLOR_SCHEME_PROPERTY = '--sf-color-scheme'

/** A color scheme a frame can render in. */
export type FrameColorScheme = 'light' | 'dark'

/** Whether `value` is a {@link FrameColorScheme}. */
export const isFrameColorScheme = (value: unknown): value is FrameColorScheme => value === 'light' || value === 'dark'

/** One allow-listed property name. */
export type ThemeProperty = (typeof THEME_PROPERTIES)[number]

const MAX_VALUE = 120
// Letters, digits, spaces and the punctuation of colors, lengths, font stacks and calc():
// nothing that can open a url(), an at-rule, an escape, a comment or a new declaration.
const SAFE_VALUE = /^[a-zA-Z0-9 #%.,()'"+\-*/]*$/
const FORBIDDEN = /url\s*\(|@import|expression\s*\(|image\s*\(|image-set|-moz-binding|behavior|javascript:|\/\*|\\|[;{}<>]/i

/** Why a theme value was refused. */
export type ThemeRefusal = { property: string; reason: 'unknown-property' | 'unsafe-value' | 'too-long' }

/**
 * Splits a theme into accepted values and refusals. Used by the host before sending and by the
 * frame before applying, so a forged message is filtered the same way.
 */
export function checkTheme(theme: Record<string, string>): { accepted: Record<string, string>; refused: ThemeRefusal[] } {
  const accepted: Record<string, string> = {}
  const refused: ThemeRefusal[] = []
  for (const [property, raw] of Object.entries(theme)) {
    const value = String(raw).trim()
    if (!(THEME_PROPERTIES as readonly string[]).includes(property)) refused.push({ property, reason: 'unknown-property' })
    else if (value.length > MAX_VALUE) refused.push({ property, reason: 'too-long' })
    else if (FORBIDDEN.test(value) || !SAFE_VALUE.test(value)) refused.push({ property, reason: 'unsafe-value' })
    else if (property === COLOR_SCHEME_PROPERTY && !isFrameColorScheme(value)) refused.push({ property, reason: 'unsafe-value' })
    else if (value !== '') accepted[property] = value
  }
  return { accepted, refused }
}
