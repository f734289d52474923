/**
 * Everything a host page can observe of the secure elements, recorded in order, as a hostile page
 * would record it: it owns the page's JavaScript, so it patches `MessagePort` and `MessageChannel`
 * to read (and may rewrite) every message on any port, listens to every window message, wraps
 * `dispatchEvent` to see every event detail, wraps the console, and at chosen moments reads the
 * DOM (shadow roots included), attributes, element properties, form data, storage, cookies and the
 * requests the page made.
 *
 * The record is normalized so that two runs can be compared: random nonces, ids and times (an
 * envelope's `jti`, `iat`, `exp`, its encapsulated key and ciphertext) are removed; an envelope is
 * reduced to its other header members and its length.
 */

export interface Observation {
  /**
   * Whose stream it belongs to: one direction of one port, one element, the page's own steps. Each
   * stream is in a deterministic order; two streams interleave as the browser schedules them, so
   * records are compared stream by stream.
   */
  source: string
  where: string
  what: unknown
}

export interface Observer {
  /** The ordered record. */
  readonly log: Observation[]
  /** Frame heights reported on any port, distinct (they follow layout at the browser's pace, not the script's). */
  readonly heights: number[]
  /** Adds an observation of the page's own stream (a step's result, a snapshot). */
  note(where: string, what: unknown): void
  /**
   * Names a random value the session created (an envelope's `jti`, a gate's id): wherever it
   * appears in the record, before or after, it reads `name`, as nonces do.
   */
  alias(value: string, name: string): void
  /** Reads what the page can read right now of `elements` and `forms`. */
  snapshot(label: string, elements: Element[], forms?: HTMLFormElement[]): Promise<void>
  /** Messages that arrived on any port so far, raw (for waiting on them). */
  readonly portMessages: Array<Record<string, unknown>>
  /**
   * Rewrites every outgoing port message with `rewrite` from now on (a hostile page forging what
   * the element sends its frame); `undefined` stops.
   */
  rewriteOutgoing(rewrite: ((message: Record<string, unknown>) => Record<string, unknown>) | undefined): void
  uninstall(): void
}

const JWE = /^[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]*\.\.[A-Za-z0-9_-]+\.$/
const ISO_TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g

/** An envelope as two runs may compare it: its header without nonces and times, and its length. */
function normalizeEnvelope(envelope: string): string {
  const [protectedB64 = ''] = envelope.split('.')
  const json = atob(protectedB64.replace(/-/g, '+').replace(/_/g, '/'))
  const { jti: _jti, iat: _iat, exp: _exp, ...header } = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<string, unknown>
  return `<envelope ${JSON.stringify(header)} length=${envelope.length}>`
}

/** `value` with every envelope normalized, aliases named, and every node made printable. */
export function normalize(value: unknown, aliases: Map<string, string> = new Map()): unknown {
  if (typeof value === 'string') {
    let out = JWE.test(value) ? normalizeEnvelope(value) : value.replace(ISO_TIME, '<time>')
    for (const [from, to] of aliases) out = out.split(from).join(to)
    return out
  }
  if (Array.isArray(value)) return value.map((v) => normalize(v, aliases))
  if (value instanceof MessagePort) return '<port>'
  if (value instanceof Node) return `<${value.nodeName}>`
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = normalize(v, aliases)
    return out
  }
  return value
}

/** Every DOM tree below `root`, open shadow roots included, as HTML. */
function domText(root: Element | ShadowRoot): string {
  const parts = [root instanceof ShadowRoot ? root.innerHTML : root.outerHTML]
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) parts.push(domText(el.shadowRoot))
  return parts.join('\n')
}

export function installObserver(): Observer {
  const log: Observation[] = []
  const heights: number[] = []
  const portMessages: Array<Record<string, unknown>> = []
  let rewrite: ((message: Record<string, unknown>) => Record<string, unknown>) | undefined
  const aliases = new Map<string, string>()
  const record = (source: string, where: string, what: unknown) => log.push({ source, where, what: normalize(what, aliases) })
  const note = (where: string, what: unknown) => record('page', where, what)
  const SECURE = 'secure-card-input, secure-ssn-input, secure-text-input, consent-gate, secure-reveal'
  const sourceOf = (target: EventTarget | null) => {
    if (!(target instanceof Element) || !target.matches(SECURE)) return 'page'
    return `${target.localName} ${[...document.querySelectorAll(SECURE)].indexOf(target)}`
  }
  // Requests made from now on (the page's resource timing keeps every earlier one too).
  const requestsBefore = performance.getEntriesByType('resource').length

  const onWindowMessage = (event: MessageEvent) => record('window', `window message from ${event.origin}`, event.data)
  window.addEventListener('message', onWindowMessage, true)

  // Frame → host: what arrives on every port the page creates. A frame's height follows its layout
  // at the browser's pace (ResizeObserver), not the script's: heights are kept apart, as a set.
  const OriginalChannel = window.MessageChannel
  const portNames = new WeakMap<MessagePort, string>()
  let ports = 0
  window.MessageChannel = class ObservedChannel extends OriginalChannel {
    constructor() {
      super()
      const name = `port ${ports++}`
      portNames.set(this.port1, name)
      this.port1.addEventListener('message', (e: MessageEvent) => {
        const data = e.data as Record<string, unknown>
        portMessages.push(data)
        if (data?.t === 'height') {
          if (!heights.includes(data.px as number)) heights.push(data.px as number)
          return
        }
        record(`${name} in`, 'port message in', data)
      })
    }
  } as typeof MessageChannel
  // Host → frame: every port message the page sends, which a hostile page may also rewrite.
  const originalPost = MessagePort.prototype.postMessage
  MessagePort.prototype.postMessage = function (this: MessagePort, message: unknown, ...rest: unknown[]) {
    const sent = rewrite && message && typeof message === 'object' ? rewrite(message as Record<string, unknown>) : message
    record(`${portNames.get(this) ?? 'port ?'} out`, 'port message out', sent)
    return (originalPost as (...args: unknown[]) => void).call(this, sent, ...rest)
  } as typeof MessagePort.prototype.postMessage

  // Every event the elements dispatch, with its detail.
  const originalDispatch = EventTarget.prototype.dispatchEvent
  EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event) {
    if (event instanceof CustomEvent || event.type.startsWith('secure-')) record(sourceOf(this), `event ${event.type}`, (event as CustomEvent).detail ?? null)
    return originalDispatch.call(this, event)
  }
  const browserEvents = ['invalid', 'submit', 'formdata']
  const onBrowserEvent = (event: Event) => record('page', `event ${event.type}`, (event.target as Element)?.tagName ?? null)
  for (const type of browserEvents) document.addEventListener(type, onBrowserEvent, true)

  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const
  const originals = methods.map((m) => console[m])
  methods.forEach((m, i) => {
    console[m] = (...args: unknown[]) => {
      note(`console.${m}`, args.map((a) => (typeof a === 'string' ? a : JSON.stringify(normalize(a, aliases)))).join(' '))
      originals[i]!.apply(console, args)
    }
  })

  return {
    log,
    heights,
    portMessages,
    note,
    alias(value, name) {
      aliases.set(value, name)
      // It may have been seen already: named wherever it was recorded.
      for (const entry of log) entry.what = normalize(entry.what, new Map([[value, name]]))
    },
    rewriteOutgoing(next) {
      rewrite = next
    },
    async snapshot(label, elements, forms = [...document.forms]) {
      const view: Record<string, unknown> = {}
      elements.forEach((el, i) => {
        const field = el as Element & { state?: unknown; envelope?: unknown; validity?: ValidityState; validationMessage?: string }
        view[`element ${i}`] = {
          attributes: Object.fromEntries(el.getAttributeNames().map((a) => [a, el.getAttribute(a)])),
          dom: domText(el).replace(/height: \d+(\.\d+)?px;?/g, ''),
          state: field.state,
          envelope: field.envelope,
          validity: field.validity ? { valid: field.validity.valid, valueMissing: field.validity.valueMissing, badInput: field.validity.badInput, customError: field.validity.customError } : undefined,
          validationMessage: field.validationMessage,
        }
      })
      view.forms = forms.map((f) => [...new FormData(f)].map(([k, v]) => [k, typeof v === 'string' ? v : v.name]))
      view.storage = [localStorage, sessionStorage].map((s) => Object.fromEntries(Array.from({ length: s.length }, (_, i) => [s.key(i), s.getItem(s.key(i)!)])))
      view.cookies = document.cookie
      view.indexedDB = (await indexedDB.databases()).map((d) => d.name)
      view.requests = performance
        .getEntriesByType('resource')
        .slice(requestsBefore)
        .map((e) => e.name.replace(/[?#].*$/, ''))
      view.location = location.href
      note(`snapshot ${label}`, view)
    },
    uninstall() {
      window.removeEventListener('message', onWindowMessage, true)
      window.MessageChannel = OriginalChannel
      MessagePort.prototype.postMessage = originalPost
      EventTarget.prototype.dispatchEvent = originalDispatch
      for (const type of browserEvents) document.removeEventListener(type, onBrowserEvent, true)
      methods.forEach((m, i) => (console[m] = originals[i]!))
    },
  }
}

/** The first path at which `a` and `b` differ, with both values there. */
function pathOfDifference(a: unknown, b: unknown, path: string): string | undefined {
  if (JSON.stringify(a) === JSON.stringify(b)) return undefined
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = pathOfDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`)
      if (found) return found
    }
  }
  if (typeof a === 'string' && typeof b === 'string') {
    let i = 0
    while (a[i] === b[i]) i++
    const from = Math.max(0, i - 120)
    return `${path} (from character ${i}):\n  first:  …${a.slice(from, i + 200)}\n  second: …${b.slice(from, i + 200)}`
  }
  return `${path}:\n  first:  ${JSON.stringify(a)?.slice(0, 400)}\n  second: ${JSON.stringify(b)?.slice(0, 400)}`
}

/** The first place two records differ, stream by stream, or `undefined` when they are identical. */
export function firstDifference(a: Observation[], b: Observation[]): string | undefined {
  const sources = [...new Set([...a, ...b].map((o) => o.source))]
  for (const source of sources) {
    const x = a.filter((o) => o.source === source)
    const y = b.filter((o) => o.source === source)
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
      const found = pathOfDifference(x[i], y[i], `${source}, observation ${i} (${x[i]?.where ?? '—'} / ${y[i]?.where ?? '—'})`)
      if (found) return found
    }
  }
  return undefined
}
