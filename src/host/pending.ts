/**
 * What an element waits for from its frame — the answer to a request, matched by the id the frame
 * echoes (a seal, a reveal, a status), or something any number of callers wait on together (the
 * frame having judged its configuration, a desk's key). One implementation for every element; the
 * frame controller rejects whatever is still open when the frame fails or goes away. Ids start at
 * 1 (0 marks what a frame does of its own accord, such as a click inside it).
 *
 * @module
 */
import type { SecureFieldsError } from '../errors.js'

interface Settle<T> {
  resolve(value: T): void
  reject(error: SecureFieldsError): void
}

/** Open promises of one kind (e.g. seals), each settled by id or all together. */
export class Pending<T> {
  private nextId = 1
  private readonly open = new Map<number, Settle<T>>()

  /** Opens a request: `send` posts it with its new id; the promise settles with the answer. */
  start(send: (id: number) => void): Promise<T> {
    const id = this.nextId++
    return new Promise<T>((resolve, reject) => {
      this.open.set(id, { resolve, reject })
      send(id)
    })
  }

  /** Waits, with the others, for {@link resolveAll} or {@link rejectAll}. */
  wait(): Promise<T> {
    return this.start(() => undefined)
  }

  /** Settles request `id` with a value; unknown ids (0, answered, forged) are ignored. */
  resolve(id: number, value: T): void {
    this.take(id)?.resolve(value)
  }

  /** Settles request `id` with an error. */
  reject(id: number, error: SecureFieldsError): void {
    this.take(id)?.reject(error)
  }

  /** Resolves everything open with `value`. */
  resolveAll(value: T): void {
    for (const id of [...this.open.keys()]) this.resolve(id, value)
  }

  /** Rejects everything open (the frame failed or went away). */
  rejectAll(error: SecureFieldsError): void {
    for (const id of [...this.open.keys()]) this.reject(id, error)
  }

  private take(id: number): Settle<T> | undefined {
    const p = this.open.get(id)
    this.open.delete(id)
    return p
  }
}
