/**
 * `useComposerGuard`: `guardComposer` for a React chat composer.
 *
 * @module
 */
import * as React from 'react'
import { guardComposer, type ComposerGuardOptions } from '../host/composer-guard.js'
import type { SecureDetectedDetail } from '../host/events.js'

/** Options of {@link useComposerGuard}: those of `guardComposer`, and a callback. */
export interface UseComposerGuardOptions extends ComposerGuardOptions {
  /** Called for each number masked, with its kind and preview (never the digits). */
  onDetected?: (detail: SecureDetectedDetail) => void
}

/**
 * Guards the composer `ref` points to while the component is mounted: numbers typed, pasted or
 * filled into it are masked to their previews before the message is sent. Works with controlled
 * inputs: the masked text reaches `onChange` like any edit.
 *
 * The guard is set up again when `kinds`, `locale`, `notice`, `send` or `maskOnInput` change; pass
 * a selector string or a stable element for `send`, not a new array on every render.
 *
 * @example
 * ```tsx
 * const composer = useRef<HTMLTextAreaElement>(null)
 * useComposerGuard(composer, { send: '#send', onDetected: ({ kind }) => offerSecureField(kind) })
 * return <textarea ref={composer} value={text} onChange={(e) => setText(e.target.value)} />
 * ```
 */
export function useComposerGuard(ref: React.RefObject<HTMLElement | null>, options: UseComposerGuardOptions = {}): void {
  const { onDetected, kinds, locale, notice, send, maskOnInput } = options
  const latest = React.useRef(onDetected)
  React.useEffect(() => {
    latest.current = onDetected
  })
  const kindsKey = kinds?.join(',')
  React.useEffect(() => {
    const composer = ref.current
    if (!composer) return undefined
    const guard = guardComposer(composer, {
      ...(kindsKey !== undefined ? { kinds: kindsKey.split(',').filter(Boolean) as ComposerGuardOptions['kinds'] } : {}),
      ...(locale !== undefined ? { locale } : {}),
      ...(notice !== undefined ? { notice } : {}),
      ...(send !== undefined ? { send } : {}),
      ...(maskOnInput !== undefined ? { maskOnInput } : {}),
    })
    const listener = (event: Event) => latest.current?.((event as CustomEvent<SecureDetectedDetail>).detail)
    composer.addEventListener('secure-detected', listener)
    return () => {
      composer.removeEventListener('secure-detected', listener)
      guard.disconnect()
    }
  }, [ref, kindsKey, locale, notice, send, maskOnInput])
}
