/**
 * The canary sweep: records everything a host page can observe — every message on any window or
 * port, every secure-* event detail, the console — and then searches that record, the DOM and its
 * attributes (shadow roots included), form data, storage, cookies and every request the page made
 * for a canary value. Install before the elements are created.
 */

export interface Recorder {
  /** Searches everything observable for `canary`; returns where it was found (empty: nowhere). */
  sweep(canary: string, forms?: HTMLFormElement[]): Promise<string[]>
  /** Adds an arbitrary observation (used by the sweep's own control test). */
  note(where: string, value: unknown): void
  uninstall(): void
}

const SECURE_EVENTS = ['secure-ready', 'secure-change', 'secure-focus', 'secure-blur', 'secure-sealed', 'secure-error', 'secure-audit', 'secure-consent', 'secure-gate-change', 'secure-revealed', 'secure-wiped', 'secure-enrolled', 'secure-detected']

function text(value: unknown): string {
  try {
    return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

/** Every DOM tree of the page, including open shadow roots, as HTML. */
function domText(root: Document | ShadowRoot | Element = document): string {
  const parts: string[] = [root instanceof Document ? root.documentElement.outerHTML : root instanceof ShadowRoot ? root.innerHTML : root.outerHTML]
  const all = (root instanceof Document ? root : root).querySelectorAll('*')
  for (const el of all) if (el.shadowRoot) parts.push(domText(el.shadowRoot))
  return parts.join('\n')
}

/** A pattern for the digits of `canary` with any separators between them. */
export function canaryPattern(digits: string): RegExp {
  return new RegExp(digits.split('').join('[\\s\\-–.\\/•]*'))
}

export function installRecorder(): Recorder {
  const seen: Array<[string, string]> = []
  const note = (where: string, value: unknown) => seen.push([where, text(value)])

  const onWindowMessage = (event: MessageEvent) => note(`window message from ${event.origin}`, event.data)
  window.addEventListener('message', onWindowMessage, true)

  // Every MessageChannel the page creates: record what arrives on either end.
  const OriginalChannel = window.MessageChannel
  window.MessageChannel = class RecordingChannel extends OriginalChannel {
    constructor() {
      super()
      this.port1.addEventListener('message', (e) => note('port message', e.data))
      this.port2.addEventListener('message', (e) => note('port message', e.data))
    }
  } as typeof MessageChannel

  const onEvent = (event: Event) => note(`event ${event.type}`, (event as CustomEvent).detail)
  for (const type of SECURE_EVENTS) document.addEventListener(type, onEvent, true)

  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const
  const originals = methods.map((m) => console[m])
  methods.forEach((m, i) => {
    console[m] = (...args: unknown[]) => {
      note(`console.${m}`, args.map(text).join(' '))
      originals[i]!.apply(console, args)
    }
  })

  return {
    note,
    async sweep(canary, forms = [...document.forms]) {
      const pattern = canaryPattern(canary)
      // Any eight consecutive digits of the canary count as a leak (a preview shows four).
      const windows = Array.from({ length: canary.length - 7 }, (_, i) => canaryPattern(canary.slice(i, i + 8)))
      const corpus: Array<[string, string]> = [...seen]
      corpus.push(['DOM', domText()])
      for (const el of document.querySelectorAll('*')) for (const a of el.getAttributeNames()) corpus.push([`attribute ${a}`, el.getAttribute(a) ?? ''])
      for (const form of forms) for (const [k, v] of new FormData(form)) corpus.push([`form data ${k}`, text(v)])
      for (const storage of [localStorage, sessionStorage]) for (let i = 0; i < storage.length; i++) corpus.push(['storage', `${storage.key(i)}=${storage.getItem(storage.key(i)!)}`])
      corpus.push(['cookies', document.cookie])
      corpus.push(['indexedDB', text(await indexedDB.databases())])
      for (const entry of performance.getEntriesByType('resource')) corpus.push(['request', entry.name])
      corpus.push(['location', location.href])
      const found: string[] = []
      for (const [where, value] of corpus) {
        if (pattern.test(value) || windows.some((w) => w.test(value))) found.push(where)
      }
      return found
    },
    uninstall() {
      window.removeEventListener('message', onWindowMessage, true)
      window.MessageChannel = OriginalChannel
      for (const type of SECURE_EVENTS) document.removeEventListener(type, onEvent, true)
      methods.forEach((m, i) => (console[m] = originals[i]!))
    },
  }
}
