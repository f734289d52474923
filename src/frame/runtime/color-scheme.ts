/**
 * The frame's color scheme: the stylesheets pick `color-scheme` and the default colors by the
 * root's `data-sf-color-scheme`. It must equal the iframe's scheme, or the browser paints the
 * frame opaque; the element names it in the URL (`#…&cs=dark`, for the first paint) and in the
 * theme (`--sf-color-scheme`, see theme.ts). Its own module: every page sets it from the URL,
 * and the gate, which takes no theme, loads nothing else of the theme code.
 *
 * @module
 */
import { isFrameColorScheme } from '../../protocol/theme.js'

/** Sets the scheme the stylesheets render in (`dark`, else light). */
export function setColorScheme(root: HTMLElement, scheme: string): void {
  if (scheme === 'dark') root.setAttribute('data-sf-color-scheme', 'dark')
  else root.removeAttribute('data-sf-color-scheme')
}

/** Renders in the scheme the element named in the frame's URL, until its theme arrives. */
export function applyDeclaredColorScheme(loc: Location = location, root: HTMLElement = document.documentElement): void {
  const declared = new URLSearchParams(loc.hash.slice(1)).get('cs')
  if (isFrameColorScheme(declared)) setColorScheme(root, declared)
}
