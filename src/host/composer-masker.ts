/**
 * The part of the composer guard that reads and rewrites the composer: the detector, the notice
 * and the text replacement. `guardComposer` loads it on first use (a chunk of its own in the
 * loaders), so a page that never guards a composer never downloads it.
 *
 * @module
 */
import { findSensitiveNumbers, type SensitiveKind } from '../validate/detect.js'
import { caretToEnd, composerText, replaceText } from './composer-text.js'
import { clearNotice, hiddenLiveRegion, makeLiveRegion, writeNotice } from './composer-notice.js'
import { emit, type SecureDetectedDetail } from './events.js'
import { localeOf } from './locale.js'

/** What the guard asks of the masker. */
export interface Masker {
  /** Finds the numbers in the composer, masks them, writes the notice, fires `secure-detected`. */
  mask(): SecureDetectedDetail[]
  /** Empties the notice. */
  clear(): void
  /** Puts the caret at the end of a contenteditable composer. */
  caretToEnd(): void
  /** Whether the masker is rewriting the composer (its own `input` event is not a customer's). */
  readonly rewriting: boolean
  /** Removes the notice element it created and the composer's reference to it. */
  dispose(): void
}

/** The settings `guardComposer` already checked. */
export interface MaskerSettings {
  kinds?: readonly SensitiveKind[]
  locale?: string
  notice?: HTMLElement | false
}

/** Creates the masker of `composer`, and its notice (a live region, present before it speaks). */
export function createMasker(composer: HTMLElement, settings: MaskerSettings): Masker {
  const { kinds, locale, notice } = settings
  const doc = composer.ownerDocument
  let region: HTMLElement
  if (notice instanceof HTMLElement) {
    region = notice
    makeLiveRegion(region)
  } else if (notice === false) {
    region = hiddenLiveRegion(doc)
  } else {
    region = doc.createElement('div')
    region.className = 'secure-composer-notice'
    makeLiveRegion(region)
    composer.insertAdjacentElement('afterend', region)
  }
  // The composer names the notice as its description, so focus on it reads the notice too.
  region.id ||= `secure-composer-notice-${Math.random().toString(36).slice(2, 10)}`
  const describedBy = composer.getAttribute('aria-describedby')
  composer.setAttribute('aria-describedby', [describedBy, region.id].filter(Boolean).join(' '))
  const detectOptions = kinds ? { kinds } : {}
  let rewriting = false

  return {
    get rewriting() {
      return rewriting
    },
    mask() {
      const matches = findSensitiveNumbers(composerText(composer), detectOptions)
      if (matches.length === 0) return []
      rewriting = true
      try {
        replaceText(composer, matches.map((m) => ({ start: m.start, end: m.end, text: m.preview })))
      } finally {
        rewriting = false
      }
      const found = matches.map((m): SecureDetectedDetail => ({ kind: m.kind, preview: m.preview }))
      writeNotice(region, found, localeOf(composer, locale))
      for (const detail of found) emit(composer, 'secure-detected', detail)
      return found
    },
    clear: () => clearNotice(region),
    caretToEnd: () => caretToEnd(composer),
    dispose() {
      if (describedBy === null) composer.removeAttribute('aria-describedby')
      else composer.setAttribute('aria-describedby', describedBy)
      if (notice instanceof HTMLElement) clearNotice(region)
      else region.remove()
    },
  }
}
