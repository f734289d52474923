/**
 * The noninterference harness: one scripted session, run twice with two secrets that share the
 * documented disclosure (a card's brand and last four; an SSN's last four; a value's length after
 * padding), recorded by a hostile page ({@link installObserver}). Whatever differs between the two
 * records, once nonces, ids and times are removed, is a leak — whatever its shape.
 *
 * A session plays the customer (real keys, Tab, Enter) and the page (focus games, `seal()` after
 * every keystroke, forged themes, locale changes, form submission) in a fixed order, and waits at
 * every step for what it caused — never for a time — so that both runs see the same sequence.
 */
import { sendKeys } from '@web/test-runner-commands'
import { countEdits, editsHandled, frameFocused, inFrame } from './frame-eval.js'
import type { SecureFieldElement } from '../../src/host/secure-field-element.js'
import { cleanup, mountField, nextEvent, testConfig } from './host.js'
import { firstDifference, installObserver, type Observation, type Observer } from './observer.js'

/** What a session gets: the recorder, and the frame origin to use (the real one, or a mutant). */
export interface Kit {
  observer: Observer
  frameBase: string
}

/** The result of {@link differential}. */
export interface DifferentialResult {
  /** Where the two records first differ; `undefined` when they are identical. */
  difference: string | undefined
  records: [Observation[], Observation[]]
  /** The distinct frame heights reported in each run (compared at rest by the snapshots). */
  heights: [number[], number[]]
}

/** Runs `session` once per secret, each on a clean page, and compares what the page observed. */
export async function differential<S>(session: (secret: S, kit: Kit) => Promise<void>, secrets: [S, S], frameBase?: string): Promise<DifferentialResult> {
  const base = frameBase ?? (await testConfig()).frameBase
  const records: Observation[][] = []
  const heights: number[][] = []
  for (const secret of secrets) {
    cleanup()
    const observer = installObserver()
    try {
      await session(secret, { observer, frameBase: base })
      await observer.snapshot('end', [...document.querySelectorAll('secure-card-input, secure-ssn-input, secure-text-input, consent-gate, secure-reveal')])
    } finally {
      observer.uninstall()
    }
    records.push(observer.log)
    heights.push([...observer.heights].sort((x, y) => x - y))
  }
  const [a, b] = records as [Observation[], Observation[]]
  const difference = firstDifference(a, b)
  if (difference) {
    const source = difference.slice(0, difference.indexOf(','))
    const at = Number(/observation (\d+)/.exec(difference)?.[1] ?? 0)
    const around = (r: Observation[]) =>
      r
        .filter((o) => o.source === source)
        .slice(Math.max(0, at - 4), at + 3)
        .map((o) => `${o.where} ${JSON.stringify(o.what).slice(0, 160)}`)
        .join('\n    ')
    console.log(`records around the difference:\n  first:\n    ${around(a)}\n  second:\n    ${around(b)}`)
  }
  return {
    difference,
    records: [a, b],
    heights: heights as [number[], number[]],
  }
}

/**
 * A field on a page that plays its games: a decoy input to steal focus to, a form around the
 * field, and the page's own record of every `seal()` it attempts.
 */
export class FieldSession {
  readonly decoy: HTMLInputElement
  readonly form: HTMLFormElement
  private edits = 0

  private constructor(
    readonly field: SecureFieldElement,
    readonly page: string,
    private readonly kit: Kit,
  ) {
    this.form = field.closest('form')!
    this.decoy = this.form.querySelector('input.decoy')!
  }

  /**
   * Mounts `tag` inside a form, after a decoy input, on the kit's frame origin (the session then
   * focuses it, as a customer's click does).
   * `within` may put a wrapper (a consent gate) between the form and the field.
   */
  static async open(kit: Kit, tag: string, page: string, attributes: Record<string, string> = {}, within?: (form: HTMLFormElement) => Promise<Element>): Promise<FieldSession> {
    const form = document.body.appendChild(document.createElement('form'))
    form.addEventListener('submit', (e) => e.preventDefault())
    const decoy = form.appendChild(document.createElement('input'))
    decoy.className = 'decoy'
    const parent = within ? await within(form) : form
    const field = await mountField(tag, { 'frame-origin': kit.frameBase, name: 'secret', ...attributes }, parent)
    form.appendChild(document.createElement('input')).className = 'after'
    const session = new FieldSession(field, page, kit)
    await kit.observer.snapshot('mounted', [field])
    await countEdits(page)
    return session
  }

  /** The page focuses the field (its `focus()`, as a label click does). */
  async focus(): Promise<void> {
    const focused = nextEvent(this.field, 'secure-focus')
    this.field.focus()
    await focused
    await frameFocused(this.page)
  }

  /** The customer types `keys` (real key events), one at a time; after each, `between` runs. */
  async type(keys: string, between: (index: number) => Promise<void> = async () => {}): Promise<void> {
    let i = 0
    for (const key of Array.from(keys)) {
      await this.key(key === '\b' ? { press: 'Backspace' } : { type: key })
      await between(i++)
    }
  }

  /** One key; waits until the frame has handled the edit it makes, and for its automatic seal. */
  async key(keys: { type: string } | { press: string }): Promise<void> {
    const before = this.kit.observer.portMessages.length
    await sendKeys(keys)
    await editsHandled(this.page, ++this.edits)
    await this.seal()
    await this.autoSealAfter(before)
  }

  /** The page calls `seal()`, as it may at any time; the outcome is recorded. */
  async seal(): Promise<void> {
    const since = this.kit.observer.portMessages.length
    try {
      this.kit.observer.note('seal() resolved', await this.field.seal())
      await this.auditAfter(since, (m) => m.t === 'sealed' && m.id !== 0)
    } catch (error) {
      const e = error as { code?: string; message?: string }
      this.kit.observer.note('seal() rejected', { code: e.code, message: e.message })
    }
  }

  /** Waits until a port message after `since` satisfies `predicate`. */
  private async arrived(since: number, predicate: (m: Record<string, unknown>) => boolean): Promise<number> {
    const deadline = Date.now() + 10000
    for (;;) {
      const at = this.kit.observer.portMessages.findIndex((m, i) => i >= since && predicate(m))
      if (at >= 0) return at
      if (Date.now() > deadline) throw new Error('an expected frame message did not come')
      await new Promise((r) => setTimeout(r, 20))
    }
  }

  /** A seal is followed by its audit event: waits for it, so that both runs record it at the same step. */
  private async auditAfter(since: number, sealed: (m: Record<string, unknown>) => boolean): Promise<void> {
    const at = await this.arrived(since, sealed)
    await this.arrived(at + 1, (m) => m.t === 'audit' && m.event === 'sealed')
  }

  /**
   * A valid value is sealed as the form value a moment after the last edit: waits for that seal
   * (a `sealed` with id 0 after the port message `since`) and its audit, so that both runs see them
   * at the same step. A value that is not valid gets none.
   */
  async autoSealAfter(since: number): Promise<void> {
    if (!this.field.state.valid || this.field.state.locked) return
    await this.auditAfter(since, (m) => m.t === 'sealed' && m.id === 0)
  }

  /** The page moves focus to its decoy and back: a blur and a focus the frame cannot tell from the customer's. */
  async focusGame(): Promise<void> {
    const blurred = nextEvent(this.field, 'secure-blur')
    this.decoy.focus()
    await blurred
    await this.seal()
    await this.focus()
    await this.seal()
  }

  /**
   * The page forges the next configuration its element sends — a theme property whose value loads
   * from elsewhere — and triggers one with a locale change; then sends an honest one back.
   */
  async forgedTheme(): Promise<void> {
    // The refusal each forged configuration earns is when the frame has taken it.
    const refusal = () => nextEvent(this.field, 'secure-error', (d: { code: string }) => d.code === 'ERR_THEME_REFUSED')
    this.kit.observer.rewriteOutgoing((m) => (m.t === 'config' ? { ...m, config: { ...(m.config as object), theme: { '--sf-color-text': 'red', '--sf-color-background': 'url(https://evil.example/x)' } } } : m))
    for (const locale of ['es', 'en']) {
      const refused = refusal()
      this.field.locale = locale
      await refused
    }
    this.kit.observer.rewriteOutgoing(undefined)
    await this.seal()
  }

  /** The customer tabs out of the field (from its last input): they are done with the value. */
  async tabOut(): Promise<void> {
    const before = this.kit.observer.portMessages.length
    const blurred = nextEvent(this.field, 'secure-blur')
    await sendKeys({ press: 'Tab' })
    await blurred
    await this.autoSealAfter(before)
    await this.seal()
  }

  /**
   * What the page reads now, once the frame's height has settled: the iframe as tall as the frame's
   * content (heights follow layout at the browser's pace, so they are compared here, at rest).
   */
  async snapshot(label: string): Promise<void> {
    const iframe = this.field.shadowRoot!.querySelector('iframe')!
    const deadline = Date.now() + 10000
    for (;;) {
      const content = await inFrame(this.page, () => Math.ceil(document.documentElement.getBoundingClientRect().height))
      if (iframe.style.height === `${content}px`) break
      if (Date.now() > deadline) throw new Error(`the frame's height never settled (${iframe.style.height} for ${content}px of content)`)
      await new Promise((r) => setTimeout(r, 20))
    }
    this.kit.observer.note(`height ${label}`, iframe.style.height)
    await this.kit.observer.snapshot(label, [this.field], [this.form])
  }
}
