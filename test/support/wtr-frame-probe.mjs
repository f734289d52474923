// A web-test-runner command that looks inside the cross-origin frames of the test page through
// the DevTools protocol, the way assistive technology and a keyboard user meet them: each frame's
// language and direction, its visible text, which control has focus and whether the focus is
// visible, and every control's accessible name, `aria-invalid` and live descriptions. The frames
// keep their CSP: the probe runs in their context through the protocol, not as page script.
//
//   executeServerCommand('sf-frame-probe', { page: 'card' })  →  FrameProbe[] (see frame-probe.ts)
//   executeServerCommand('sf-frame-axe', { page: 'card', backdrop: '#121417' })  →  [{ url, violations }]
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/** Runs inside a frame: what the probe reports. Self-contained (it is serialized). */
function probe() {
  const text = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim()
  const nameOf = (el) => {
    const labelled = el.getAttribute('aria-labelledby')
    if (labelled) return labelled.split(/\s+/).map((id) => text(document.getElementById(id))).join(' ').trim()
    if (el.getAttribute('aria-label')) return el.getAttribute('aria-label').trim()
    if (el.labels?.length) return [...el.labels].map(text).join(' ').trim()
    return el.tagName === 'BUTTON' || el.tagName === 'A' ? text(el) : ''
  }
  const live = (el) => !!el && (el.getAttribute('aria-live') === 'polite' || el.getAttribute('aria-live') === 'assertive' || ['alert', 'status'].includes(el.getAttribute('role') ?? ''))
  const controls = [...document.querySelectorAll('input, button, select, textarea, a[href]')]
    .filter((el) => !el.hidden && getComputedStyle(el).visibility !== 'hidden')
    .map((el) => {
      const described = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean)
      return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        type: el.getAttribute('type') ?? '',
        className: el.className,
        name: nameOf(el),
        invalid: el.getAttribute('aria-invalid'),
        describedBy: described.map((id) => ({ id, exists: !!document.getElementById(id), live: live(document.getElementById(id)), text: text(document.getElementById(id)) })),
        disabled: !!el.disabled,
      }
    })
  const active = document.activeElement
  const focused = active && active !== document.body ? active : null
  const style = focused ? getComputedStyle(focused) : null
  return {
    url: location.href,
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    text: text(document.body),
    hasFocus: document.hasFocus(),
    active: focused ? { tag: focused.tagName.toLowerCase(), id: focused.id, className: focused.className, name: nameOf(focused) } : null,
    focusVisible: !!focused && focused.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    controls,
    liveRegions: [...document.querySelectorAll('[aria-live], [role=alert], [role=status]')].map((el) => ({ live: el.getAttribute('aria-live') ?? el.getAttribute('role'), text: text(el) })),
    // How the text is painted: every distinct color of an element holding text, and the page's background.
    textColors: [...new Set([...document.querySelectorAll('body *')].filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())).map((el) => getComputedStyle(el).color))],
    background: getComputedStyle(document.documentElement).backgroundColor,
  }
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/**
 * Runs inside a frame: axe's WCAG 2.x A/AA rules on the frame's document. The frame is
 * transparent, so what shows behind its text is the host page's background, which axe inside the
 * frame cannot see: the root gets that backdrop first (through the CSSOM, which the CSP allows).
 */
async function axeInFrame({ backdrop }) {
  document.documentElement.style.setProperty('background-color', backdrop)
  try {
    const { violations } = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] })
    return violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`.trim()) }))
  } finally {
    document.documentElement.style.removeProperty('background-color')
  }
}

export function frameProbePlugin() {
  return {
    name: 'secure-fields-frame-probe',
    async executeCommand({ command, payload, session }) {
      if (command !== 'sf-frame-probe' && command !== 'sf-frame-axe') return undefined
      const page = session.browser.getPage(session.id)
      const suffix = payload?.page ? `/${payload.page}.html` : ''
      const frames = page.frames().filter((f) => f !== page.mainFrame() && !f.detached && new URL(f.url(), 'http://x').pathname.endsWith(suffix) && f.url().startsWith('http'))
      if (command === 'sf-frame-probe') {
        // A frame that is still navigating (its first document being replaced), or one of the
        // previous test's that the browser detaches under the probe, is left out of this answer
        // rather than failing it: callers poll until the frame they wait for is there (probeFrame).
        const gone = (error) => (/Execution context was destroyed|detached|Target closed/i.test(String(error?.message)) ? null : Promise.reject(error))
        const probed = await Promise.all(frames.map((f) => f.evaluate(probe).catch(gone)))
        return probed.filter((p) => p !== null)
      }
      // sf-frame-axe { page?, backdrop }: axe inside each frame (its source evaluated through the
      // DevTools protocol, which the frame's CSP does not govern), as [{ url, violations }].
      const results = []
      for (const f of frames) {
        await f.evaluate(AXE)
        results.push({ url: f.url(), violations: await f.evaluate(axeInFrame, { backdrop: payload.backdrop }) })
      }
      return results
    },
  }
}
