/**
 * `guardComposer`: keeps card numbers, SSNs and IBANs out of a plain chat box. The secure fields
 * protect a number only when it is typed into them; customers also type numbers into the chat's
 * own composer, and agents paste them back. The guard watches that composer and, before a message
 * leaves — Enter, the form's submit, a send button's click — masks each number to its field preview
 * (`Visa •••• 4242`), stops the send, says why in the page's language, and fires `secure-detected`
 * so the chat can offer the matching secure field. Text that arrives whole (paste, drop, autofill,
 * an input method's commit, undo and redo) is masked at once.
 *
 * The guard runs in the host page, so it sees what is typed into the page's own composer — as the
 * page itself does. It passes nothing on: its events, notice and errors hold kind and preview only.
 * Detection is `src/validate/detect.ts`, the rules of the fields themselves, loaded on first use so
 * pages that never call this pay nothing for it. See `docs/composer-guard.md`.
 *
 * @module
 */
import { ErrorCodes, SecureFieldsError } from '../errors.js'
import type { SensitiveKind } from '../validate/detect.js'
import type { Masker } from './composer-masker.js'
import { isTextControl } from './text-control.js'
import type { SecureDetectedDetail } from './events.js'

/** Options of {@link guardComposer}. */
export interface ComposerGuardOptions {
  /**
   * The chat's send buttons: their clicks are checked first. Elements, or a CSS selector matched
   * against the click's target and its ancestors. The composer's form submit and Enter are always
   * checked.
   */
  send?: Element | Iterable<Element> | string
  /** The kinds to look for: `card`, `ssn`, `iban`; default all. */
  kinds?: readonly SensitiveKind[]
  /** The notice's language (BCP 47); default the composer's `lang`, the document's, else English. */
  locale?: string
  /**
   * Where the notice shows: an element of the page (made a polite live region unless it has a
   * role), or `false` to show none (it is still announced to screen readers). Default: an element
   * of class `secure-composer-notice` inserted right after the composer.
   */
  notice?: HTMLElement | false
  /**
   * Mask text that arrives whole — paste, drop, autofill, an input method's commit, undo, redo — as
   * soon as it arrives, rather than only when the message is sent. Default `true`.
   */
  maskOnInput?: boolean
}

/** A running guard. */
export interface ComposerGuard {
  /** Resolves once the detector is loaded (it is fetched when the guard starts). */
  readonly ready: Promise<void>
  /**
   * Checks the composer now, as a send would: masks what it finds, shows the notice and fires
   * `secure-detected` for each. Resolves with what was found (kind and preview), `[]` when clean.
   */
  check(): Promise<SecureDetectedDetail[]>
  /** Stops watching; removes the notice element the guard created. Idempotent. */
  disconnect(): void
}

let maskers: Promise<typeof import('./composer-masker.js')> | undefined
/** The detector and the rest of the masking, fetched once per page on first use. */
function loadMaskers(): Promise<typeof import('./composer-masker.js')> {
  maskers ??= import('./composer-masker.js')
  return maskers
}

/** Where the guard is already running, so a second call replaces the first. */
const running = new WeakMap<HTMLElement, ComposerGuard>()

/** Until the detector is loaded, a send with this many digits waits for it. */
const DIGITS_WORTH_A_LOOK = 9
const DIGIT = /\p{Nd}/gu

/** `input` events whose text arrived whole: masked at once (autofill may carry no `inputType`). */
const WHOLE_INPUT = new Set(['insertFromPaste', 'insertFromPasteAsQuotation', 'insertFromDrop', 'insertReplacementText', 'insertFromYank', 'historyUndo', 'historyRedo', ''])

function fail(message: string): never {
  throw new SecureFieldsError(ErrorCodes.INPUT_INVALID, message)
}

function checkArguments(composer: unknown, options: unknown): asserts composer is HTMLElement {
  if (!(composer instanceof HTMLElement) || !(isTextControl(composer) || composer.isContentEditable)) {
    fail('guardComposer needs an <input> (text, search, tel, url), a <textarea> or a contenteditable element.')
  }
  if (typeof options !== 'object' || options === null) fail('guardComposer options must be an object.')
  const { kinds, notice, locale } = options as ComposerGuardOptions
  if (kinds !== undefined && (!Array.isArray(kinds) || kinds.some((k) => k !== 'card' && k !== 'ssn' && k !== 'iban'))) {
    fail("guardComposer options.kinds must be an array of 'card', 'ssn', 'iban'.")
  }
  if (notice !== undefined && notice !== false && !(notice instanceof HTMLElement)) fail('guardComposer options.notice must be an element or false.')
  if (locale !== undefined && typeof locale !== 'string') fail('guardComposer options.locale must be a string.')
}

/**
 * Guards a chat composer: numbers typed, pasted or filled into it are masked to their previews
 * before the message is sent.
 *
 * @example
 * ```ts
 * import { guardComposer } from 'secure-fields'
 * const composer = document.querySelector('#message')
 * const guard = guardComposer(composer, { send: '#send' })
 * composer.addEventListener('secure-detected', (e) => offerSecureField(e.detail.kind))
 * ```
 * @fires secure-detected - on the composer, once per number masked: `{ kind, preview }`
 * @throws {@link SecureFieldsError} `ERR_INPUT_INVALID` when `composer` is not a text input,
 *   textarea or contenteditable, or an option is not acceptable
 */
export function guardComposer(composer: HTMLElement, options: ComposerGuardOptions = {}): ComposerGuard {
  checkArguments(composer, options)
  const { send, kinds, locale, notice, maskOnInput = true } = options
  running.get(composer)?.disconnect()

  const win = composer.ownerDocument.defaultView ?? window
  const sendButtons = typeof send === 'string' || send === undefined ? [] : send instanceof Element ? [send] : [...send]
  let connected = true
  let masker: Masker | undefined
  const ready = loadMaskers().then(({ createMasker }) => {
    if (connected) masker = createMasker(composer, { kinds, locale, notice })
  })

  /**
   * Decides a send now, synchronously (the event must be stopped before it reaches the chat):
   * `true` to stop it. Before the detector is loaded, a message with enough digits to hold a
   * number is held, and checked as soon as it is.
   */
  function stopSend(): boolean {
    if (masker) {
      const found = masker.mask()
      if (found.length === 0) masker.clear()
      return found.length > 0
    }
    const text = isTextControl(composer) ? composer.value : (composer.textContent ?? '')
    if ((text.match(DIGIT)?.length ?? 0) < DIGITS_WORTH_A_LOOK) return false
    void ready.then(() => masker?.mask())
    return true
  }

  const stop = (event: Event) => {
    event.preventDefault()
    event.stopImmediatePropagation()
  }
  const isComposer = (target: EventTarget | undefined | null) => target instanceof Node && (target === composer || composer.contains(target))
  /** Focus goes back where the customer was typing, so they can read and fix the message. */
  const refocus = () => {
    composer.focus()
    masker?.caretToEnd()
  }

  const onKeyDown = (event: KeyboardEvent) => {
    // Enter that commits an input method's text is not a send; Shift+Enter is a new line.
    if (event.key !== 'Enter' || event.isComposing || event.keyCode === 229 || event.shiftKey || event.altKey) return
    if (isComposer(event.composedPath()[0]) && stopSend()) stop(event)
  }
  const onSubmit = (event: Event) => {
    if (!isTextControl(composer) || event.target !== composer.form || !stopSend()) return
    stop(event)
    refocus()
  }
  const onClick = (event: MouseEvent) => {
    const target = event.composedPath()[0]
    if (!(target instanceof Element)) return
    const isSend = typeof send === 'string' ? target.closest(send) !== null : sendButtons.some((b) => b.contains(target))
    if (!isSend || !stopSend()) return
    stop(event)
    refocus()
  }
  const onInput = (event: Event) => {
    if (!maskOnInput || masker?.rewriting) return
    const input = event as InputEvent
    if (input.isComposing) return
    if (!WHOLE_INPUT.has(input.inputType ?? '')) {
      if ((isTextControl(composer) ? composer.value : composer.textContent) === '') masker?.clear()
      return
    }
    if (masker) masker.mask()
    else void ready.then(() => masker?.mask())
  }
  // An input method's text is final when its composition ends.
  const onCompositionEnd = () => {
    if (maskOnInput) queueMicrotask(() => masker?.mask())
  }

  // Capture on the window: the guard runs before the chat's own handlers on the composer, its form
  // or its buttons, whatever order they were added in.
  win.addEventListener('keydown', onKeyDown, true)
  win.addEventListener('submit', onSubmit, true)
  win.addEventListener('click', onClick, true)
  composer.addEventListener('input', onInput)
  composer.addEventListener('compositionend', onCompositionEnd)

  const guard: ComposerGuard = {
    ready,
    async check() {
      await ready
      return masker ? masker.mask() : []
    },
    disconnect() {
      if (!connected) return
      connected = false
      win.removeEventListener('keydown', onKeyDown, true)
      win.removeEventListener('submit', onSubmit, true)
      win.removeEventListener('click', onClick, true)
      composer.removeEventListener('input', onInput)
      composer.removeEventListener('compositionend', onCompositionEnd)
      masker?.dispose()
      masker = undefined
      if (running.get(composer) === guard) running.delete(composer)
    },
  }
  running.set(composer, guard)
  return guard
}
