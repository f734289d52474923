/**
 * The shell every frame page runs in — field, gate and reveal desk alike: the handshake
 * (`channel.ts`), `ready`, the configurations applied one at a time and in order, each answered by
 * `configured` with the refusal it earned (if any), the language and direction, the theme and its
 * refusals, demo values on a demo origin only, and the height. A page brings only what is its
 * own: how to apply a configuration and what to do with its other messages.
 *
 * A refusal is judged afresh for every configuration — a pure function of that configuration, the
 * frame origin's policy and what the page made of it (a key import, the options) — and nothing
 * keeps it: the configuration that fixes the cause clears it. Only a parent the policy refuses is
 * for good (`ERR_POLICY_PARENT`, in `channel.ts`).
 *
 * @module
 */
import type { ErrorCode } from '../../errors.js'
import type { CommonFrameMessage } from '../../protocol/messages.js'
import type { Locale } from '../i18n/locale.js'
import { connectWith, type HostChannel, type HostMessageParser } from './channel.js'
import { applyTheme } from './theme.js'
import { watchHeight } from './height.js'

/** Why a configuration cannot be used: a registered code and an English sentence for developers. */
export interface Refusal {
  code: ErrorCode
  message: string
}

/** The configuration a page's host messages carry (`{ t: 'config', config }`). */
type ConfigOf<In> = Extract<In, { t: 'config' }> extends { config: infer C } ? C : never

/** What a page does with what arrives. */
export interface PageHandlers<In extends { t: string }> {
  /**
   * Applies one configuration — never two at once, in the order they came — and resolves with why
   * it cannot be used, if it cannot. The shell answers it with `configured`.
   */
  configure(config: ConfigOf<In>): Promise<Refusal | undefined>
  /**
   * Every other message. Before the first configuration only `destroy` comes here; anything else
   * is dropped and counted (`out-of-order`).
   */
  message(message: Exclude<In, { t: 'config' }>): void
}

/** The shell of one frame page, connected to its host. */
export class FrameShell<In extends { t: string }, Out extends { t: string }> {
  private queue: Promise<void> = Promise.resolve()
  private configs = 0
  private height?: () => void

  constructor(
    /** The port to the host, after the handshake. */
    readonly channel: HostChannel<In, Out | CommonFrameMessage>,
    /** The page (`card`, `gate`, `reveal`…), as `ready` tells it. */
    readonly page: string,
  ) {}

  /** Listens with `handlers` and tells the host the page is ready for its configuration. */
  start(handlers: PageHandlers<In>): void {
    this.channel.onMessage((message) => {
      if (message.t === 'config') {
        this.configs++
        const { config } = message as unknown as { config: ConfigOf<In> }
        this.queue = this.queue.then(() => this.apply(() => handlers.configure(config)))
        return
      }
      if (this.configs === 0 && message.t !== 'destroy') return void this.channel.drops.drop('out-of-order')
      handlers.message(message as Exclude<In, { t: 'config' }>)
    })
    this.send({ t: 'ready', kind: this.page })
  }

  /**
   * Runs `fn` once every configuration received so far has been applied (a reveal request must
   * see the envelope its configuration brought); later configurations do not wait for it.
   */
  afterConfiguring<T>(fn: () => T | Promise<T>): Promise<T> {
    return this.queue.then(fn)
  }

  /**
   * Runs `fn` in turn with the configurations: after those received so far, and before any that
   * comes later (a desk another tab enrolled is loaded between two configurations, never during
   * one).
   */
  inTurn(fn: () => Promise<void>): void {
    this.queue = this.queue.then(fn).catch(() => undefined)
  }

  /** Applies one configuration and says what the page made of it. */
  private async apply(configure: () => Promise<Refusal | undefined>): Promise<void> {
    let refused: Refusal | undefined
    try {
      refused = await configure()
    } catch {
      // A page's own refusals come back as values; a throw is a configuration it could not apply.
      refused = { code: 'ERR_INPUT_INVALID', message: 'The configuration could not be applied.' }
    }
    this.send({ t: 'configured', ...(refused ? { refused: { code: refused.code, message: refused.message } } : {}) })
  }

  /** Sends a message of the page's protocol (or a common one) to the host. */
  send(message: Out | CommonFrameMessage): void {
    this.channel.send(message)
  }

  /** Sets the document's language and direction. */
  applyLocale(locale: Locale): void {
    document.documentElement.lang = locale.lang
    document.documentElement.dir = locale.dir
  }

  /**
   * Applies the host's theme (allow-listed properties, each value checked again here) and reports
   * each refused property (non-fatal `ERR_THEME_REFUSED`); the rest of the theme applies.
   */
  applyTheme(theme: Record<string, string>): void {
    for (const { property, reason } of applyTheme(theme)) {
      this.report('ERR_THEME_REFUSED', `Theme property ${property} was refused (${reason}).`)
    }
  }

  /**
   * Whether this frame origin takes demo values (`src/protocol/demo.ts`). Elsewhere they are
   * dropped, counted (`policy`) and reported (non-fatal `ERR_POLICY_DEMO`); `what` names them.
   */
  demoAllowed(what: 'Demo values are' | 'Demo consent is'): boolean {
    if (this.channel.policy.demo) return true
    this.channel.drops.drop('policy')
    this.report('ERR_POLICY_DEMO', `${what} ignored: this frame origin is not a demo origin.`)
    return false
  }

  /** Reports the page's height from now on, and on each change calls `then` (once per page). */
  watchHeight(then?: () => void): void {
    this.height ??= watchHeight((px) => {
      this.send({ t: 'height', px })
      then?.()
    })
  }

  /** Tells the developer something that needs no answer (non-fatal `error`). */
  report(code: ErrorCode, message: string): void {
    this.send({ t: 'error', code, message })
  }

  /** Sends an audit event for the server's log. */
  audit(event: string, detail: Record<string, string>): void {
    this.send({ t: 'audit', event, detail })
  }
}

/**
 * Connects a page with its protocol's guard `parse`: the shell, or `undefined` when the frame has
 * no parent or the policy refuses it (the host was told when it could be) — the page stays inert.
 */
export async function connectShell<In extends { t: string }, Out extends { t: string }>(
  parse: HostMessageParser<In>,
  page: string,
): Promise<FrameShell<In, Out> | undefined> {
  try {
    return new FrameShell<In, Out>(await connectWith<In, Out | CommonFrameMessage>(parse), page)
  } catch {
    return undefined
  }
}
