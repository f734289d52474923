/**
 * Reads the allow-listed `--sf-*` custom properties that apply to an element (so designers theme
 * fields with plain CSS on the host page) and merges the element's `theme` property over them.
 *
 * @module
 */
import { checkTheme, THEME_PROPERTIES, type ThemeRefusal } from '../protocol/theme.js'

/** The theme to send to a frame, and what was refused (never sent). */
export function collectTheme(element: Element, overrides: Record<string, string>): { theme: Record<string, string>; refused: ThemeRefusal[] } {
  const style = getComputedStyle(element)
  const fromCss: Record<string, string> = {}
  for (const property of THEME_PROPERTIES) {
    const value = style.getPropertyValue(property).trim()
    if (value) fromCss[property] = value
  }
  const { accepted, refused } = checkTheme({ ...fromCss, ...overrides })
  return { theme: accepted, refused }
}
