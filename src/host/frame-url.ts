/**
 * Where frames come from. Frames live on the frame origin, beside the loader script (its
 * `import.meta.url`), unless a `frame-origin` attribute or {@link configure} says otherwise. A
 * frame is never loaded from the host page's own origin, except in an explicit dev mode where it
 * runs sandboxed without `allow-same-origin` (an opaque origin).
 *
 * @module
 */

let configuredBase: string | undefined

/** Global settings for every element on the page. */
export interface SecureFieldsSettings {
  /** Base URL of the frame origin (e.g. `https://fields.example.com/` or a CDN path). */
  frameOrigin?: string
}

/** Sets page-wide defaults; an element's own `frame-origin` attribute wins. */
export function configure(settings: SecureFieldsSettings): void {
  if (settings.frameOrigin !== undefined) configuredBase = normalizeBase(settings.frameOrigin)
}

/** Makes sure a base URL ends with `/`, so page names resolve beside it. */
function normalizeBase(base: string): string {
  const url = new URL(base, location.href)
  if (!url.pathname.endsWith('/')) url.pathname += '/'
  url.hash = ''
  url.search = ''
  return url.href
}

/** The frame base URL for an element: attribute, then {@link configure}, then the loader's folder. */
export function frameBase(attribute: string | null | undefined, moduleUrl: string = import.meta.url): string {
  if (attribute) return normalizeBase(attribute)
  if (configuredBase) return configuredBase
  return normalizeBase(new URL('./', moduleUrl).href)
}

/**
 * The URL of a kind's frame page, telling the frame who its parent claims to be and, for a frame
 * that follows the page's color scheme, which one (`cs`): the frame renders in it from its first
 * paint, matching its iframe, so it is never painted opaque while it loads.
 */
export function frameUrl(base: string, page: string, colorScheme?: string): string {
  const url = new URL(`${page}.html`, base)
  url.hash = `o=${encodeURIComponent(location.origin)}${colorScheme === 'dark' || colorScheme === 'light' ? `&cs=${colorScheme}` : ''}`
  return url.href
}
