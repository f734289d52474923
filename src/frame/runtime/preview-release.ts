/**
 * The preview rule (docs/architecture.md, "What the page may learn"): a preview — in the state and
 * in every envelope — is a function of a value the customer has finished, released once per value
 * by something only the customer can do in the frame: the value reaching a length that cannot grow
 * (`final`), Enter, or Tab out of the field. Nothing the page does — focus games, `focus()`,
 * `seal()`, timing — releases it. A blur is not enough: inside the frame, a blur the page caused
 * looks exactly like one the customer did. A change after a release withdraws the preview until
 * the new value is released.
 *
 * @module
 */

/** Which value, if any, has its preview released. Values are named by a key (what the inputs hold). */
export class PreviewRelease {
  /** The value whose preview the customer released, if any. */
  private releasedKey?: string
  /** The customer asked, by a key in this frame, to release the current value's preview. */
  private asked = false

  /** The customer asked (Enter, or Tab out of the field): the next judgement releases a valid value. */
  ask(): void {
    this.asked = true
  }

  /**
   * Judges the value `key` after an evaluation: a valid value is released when it is final or when
   * the customer asked since the last judgement (the request is used up either way). Returns
   * whether this value's preview is released.
   */
  judge(key: string, valid: boolean, final: boolean): boolean {
    if (valid && (final || this.asked)) this.releasedKey = key
    this.asked = false
    return valid && this.releasedKey === key
  }

  /** Whether the value `key` is the one released: only then does an envelope carry its preview. */
  isReleased(key: string): boolean {
    return this.releasedKey === key
  }

  /** Forgets every release (the value was cleared, or the field locked). */
  forget(): void {
    this.releasedKey = undefined
    this.asked = false
  }
}
