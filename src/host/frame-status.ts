/**
 * What stands between an element and a working frame, derived — never stored for good — from the
 * element's current configuration and its frame's last reports. Two kinds of problem:
 *
 * - a **connection failure**: this frame cannot work at all (unreachable, refused here by the
 *   frame origin, from the page's own origin…). No configuration fixes it; another frame may —
 *   one from another `frame-origin`, in another mode, or opened again when the element is
 *   re-connected — so it is cleared each time a frame is opened.
 * - a **refusal** of the current configuration: the host's own verdict on it (a configuration the
 *   frame's guard would drop is never sent), else the frame's verdict on the last one it applied
 *   (`configured`, src/protocol/messages.ts). A refusal stands until a verdict on a later
 *   configuration replaces it, so fixing the cause clears it.
 *
 * It also decides which problems the page is told of: each distinct problem once
 * ({@link FrameStatus.takeReport}). Pure: no DOM, so its rules are tested in Node.
 *
 * @module
 */

/** A stable code and a developer-facing sentence. */
export interface Problem {
  readonly code: string
  readonly message: string
}

/**
 * The codes a frame written before `configured` existed sends as a fatal `error` when it refuses
 * its configuration. Such a frame judges a configuration once and keeps its refusal, so the host
 * gives it a new frame when a refused configuration changes ({@link FrameStatus.legacyRefused}).
 * Any other fatal code is a connection failure.
 */
export const LEGACY_REFUSALS: ReadonlySet<string> = new Set([
  'ERR_KEY_MISSING',
  'ERR_KEY_INVALID',
  'ERR_RECIPIENTS_INVALID',
  'ERR_POLICY_KEY_NOT_PINNED',
  'ERR_POLICY_PQ_REQUIRED',
  'ERR_POLICY_CONSENT_REQUIRED',
  'ERR_CONTEXT_MISSING',
  'ERR_INPUT_INVALID',
])

const key = (p: Problem | undefined) => (p ? `${p.code}\u0000${p.message}` : undefined)

/** The status of one element's frame: one per element, kept across the frames it opens. */
export class FrameStatus {
  /** Why the current frame cannot work, if it cannot. */
  connection?: Problem
  /** The host's verdict on the current configuration (which is then not sent). */
  private local?: Problem
  /** The frame's verdict on the last configuration it applied. */
  private verdict?: Problem
  /** Configurations sent to the current frame, and verdicts it has given. */
  private sent = 0
  private judged = 0
  /** Whether the current frame says `configured` (an older frame does not: see {@link LEGACY_REFUSALS}). */
  private speaks = false
  /** The problem last reported to the page (see {@link takeReport}). */
  private reported?: string
  /** The problem the frame last told the page of itself, as a non-fatal `error` (see {@link told}). */
  private toldKey?: string

  /**
   * Whether the current frame is an older one that refused its configuration: it will judge no
   * other, so a changed configuration needs a new frame.
   */
  legacyRefused = false

  /** The refusal of the current configuration, if any. */
  get refusal(): Problem | undefined {
    return this.local ?? this.verdict
  }

  /** The host's own refusal of the current configuration, if any. */
  get localRefusal(): Problem | undefined {
    return this.local
  }

  /** What keeps the element from working now: a connection failure, else a refusal. */
  get problem(): Problem | undefined {
    return this.connection ?? this.refusal
  }

  /**
   * Whether the verdict on the current configuration is known: the host refused it, or the frame
   * has judged every configuration sent to it (an older frame's verdicts are not counted).
   */
  get judgedAll(): boolean {
    return this.local !== undefined || !this.speaks || this.judged >= this.sent
  }

  /** A new frame is opened: no connection failure yet, nothing sent to it. The last verdict stands until it gives its own. */
  opened(): void {
    this.connection = undefined
    this.sent = this.judged = 0
    this.speaks = false
    this.legacyRefused = false
  }

  /** The frame cannot work. */
  failed(problem: Problem): void {
    this.connection = problem
  }

  /** The host judged the current configuration: `undefined` when it may be sent. */
  judgedLocally(problem: Problem | undefined): void {
    this.local = problem
  }

  /** A configuration was sent to the frame. */
  configSent(): void {
    this.sent++
  }

  /** The frame's verdict on the next configuration it applied (`configured`). */
  configured(refused: Problem | undefined): void {
    this.speaks = true
    this.judged++
    this.verdict = refused
    this.legacyRefused = false
  }

  /**
   * The frame sent a fatal `error`: an older frame's refusal, or a connection failure. A frame that
   * says `configured` may still send its refusal this way too, for older hosts, just before the
   * verdict: while a verdict is on its way, that verdict is what counts.
   */
  fatal(problem: Problem): void {
    if (this.speaks && this.judged < this.sent && LEGACY_REFUSALS.has(problem.code)) return
    if (!this.speaks && LEGACY_REFUSALS.has(problem.code)) {
      this.verdict = problem
      this.legacyRefused = true
    } else this.failed(problem)
  }

  /**
   * The frame shows its element, in a state that names `code` (field frames put a refusal's code
   * in their state). From an older frame, a state without the refused code means it accepted its
   * configuration after all.
   */
  shows(code: string | undefined): void {
    if (!this.speaks && this.verdict && this.verdict.code !== code) {
      this.verdict = undefined
      this.legacyRefused = false
    }
  }

  /**
   * Whether a state naming `code` (an `ERR_` code) arrived before the verdict it stands for: the
   * element waits for that verdict before it says it is ready, so the page hears the refusal first.
   */
  awaitsVerdict(code: string | undefined): boolean {
    return code !== undefined && code.startsWith('ERR_') && this.problem?.code !== code
  }

  /**
   * The problem to tell the page about now, if it has not been told already: each distinct
   * problem is reported once, and once the element works again the next problem is news.
   */
  takeReport(): Problem | undefined {
    const problem = this.problem
    const k = key(problem)
    if (k === this.reported) return undefined
    this.reported = k
    // The page heard it already, from the frame itself, just before the verdict that names it.
    if (k !== undefined && k === this.toldKey) {
      this.toldKey = undefined
      return undefined
    }
    return problem
  }

  /**
   * The frame told the page of a problem itself (a non-fatal `error`, reported as it came). A
   * frame may say a refusal that way too, for older hosts, just before its verdict: the verdict
   * naming the same problem is then not reported again.
   */
  told(problem: Problem): void {
    this.toldKey = key(problem)
  }

  /** Forgets everything: the element left the page, and a frame it opens later judges afresh. */
  reset(): void {
    this.opened()
    this.local = this.verdict = this.reported = this.toldKey = undefined
  }
}
