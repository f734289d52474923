/**
 * Applies the host's theme inside the frame: only allow-listed custom properties, each value
 * re-checked here (a forged message meets the same filter as an honest host), set through the
 * CSSOM so the frame's CSP needs no inline styles.
 *
 * @module
 */
import { checkTheme, COLOR_SCHEME_PROPERTY, THEME_PROPERTIES, type ThemeRefusal } from '../../protocol/theme.js'
import { setColorScheme } from './color-scheme.js'

/** Sets the accepted properties on the root element and removes the rest; returns refusals. */
export function applyTheme(theme: Record<string, string>, root: HTMLElement = document.documentElement): ThemeRefusal[] {
  const { accepted, refused } = checkTheme(theme)
  for (const property of THEME_PROPERTIES) {
    if (property === COLOR_SCHEME_PROPERTY) continue
    if (property in accepted) root.style.setProperty(property, accepted[property]!)
    else root.style.removeProperty(property)
  }
  setColorScheme(root, accepted[COLOR_SCHEME_PROPERTY] ?? 'light')
  return refused
}
