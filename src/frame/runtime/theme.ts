/**
 * Applies the host's theme inside the frame: only allow-listed custom properties, each value
 * re-checked here (a forged message meets the same filter as an honest host), set through the
 * CSSOM so the frame's CSP needs no inline styles.
 *
 * @module
 */
import { checkTheme, COLOR_SCHEME_PROPERTY, isFrameColorScheme, THEME_PROPERTIES, type ThemeRefusal } from '../../protocol/theme.js'

/**
 * Renders in the color scheme the element named in the frame's URL (`#…&cs=dark`) until its theme
 * arrives, so the frame matches its iframe from the first paint (else the browser paints it opaque).
 */
export function applyDeclaredColorScheme(loc: Location = location, root: HTMLElement = document.documentElement): void {
  const declared = new URLSearchParams(loc.hash.slice(1)).get('cs')
  if (isFrameColorScheme(declared)) setColorScheme(root, declared)
}

/** The stylesheets pick `color-scheme` and the default colors by this attribute. */
function setColorScheme(root: HTMLElement, scheme: string): void {
  if (scheme === 'dark') root.setAttribute('data-sf-color-scheme', 'dark')
  else root.removeAttribute('data-sf-color-scheme')
}

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
