/**
 * Requests to a frame that are answered later, by id, over the port: the element keeps the
 * promise, the frame echoes the id in its answer. Ids start at 1 (0 marks what a frame does of its
 * own accord, such as a click inside it).
 *
 * @module
 */
import type { SecureFieldsError } from '../errors.js'

/** The open requests of one kind (e.g. reveals), each waiting for its answer. */
export class PendingRequests<T> {
  private nextId = 1
  private readonly open = new Map<number, { resolve(value: T): void; reject(error: SecureFieldsError): void }>()

  /** Opens a request: `send` posts it with its new id; the promise settles with the answer. */
  start(send: (id: number) => void): Promise<T> {
    const id = this.nextId++
    return new Promise<T>((resolve, reject) => {
      this.open.set(id, { resolve, reject })
      send(id)
    })
  }

  /** Settles request `id` with a value; unknown ids (0, answered, forged) are ignored. */
  resolve(id: number, value: T): void {
    this.take(id)?.resolve(value)
  }

  /** Settles request `id` with an error. */
  reject(id: number, error: SecureFieldsError): void {
    this.take(id)?.reject(error)
  }

  /** Rejects every open request (the frame failed or went away). */
  rejectAll(error: SecureFieldsError): void {
    for (const p of this.open.values()) p.reject(error)
    this.open.clear()
  }

  private take(id: number) {
    const p = this.open.get(id)
    this.open.delete(id)
    return p
  }
}
