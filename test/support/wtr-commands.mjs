// Server-side commands for browser tests that need the browser itself (Chrome DevTools Protocol):
// clipboard permission for real paste, undo, input-method composition, (for the reveal element)
// virtual WebAuthn authenticators, screenshots of what is painted (frames included), and the user's
// preferred color scheme.
import { addVirtualAuthenticator } from './virtual-authenticator.mjs'
export function browserCommandsPlugin() {
  const authenticators = new Map()
  return {
    name: 'secure-fields-browser-commands',
    async executeCommand({ command, payload, session }) {
      if (!command.startsWith('sf-')) return undefined
      const page = session.browser.getPage(session.id)
      switch (command) {
        case 'sf-grant-clipboard': {
          await page.browserContext().overridePermissions(payload.origin, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write'])
          return true
        }
        case 'sf-touch-emulation': {
          // A touch screen, as a phone has: touch events and taps (Emulation domain).
          await (await cdpOf(page)).send('Emulation.setTouchEmulationEnabled', { enabled: payload.enabled, maxTouchPoints: 5 })
          return true
        }
        case 'sf-input': {
          // Real touch, pen or mouse input, step by step (see playInput below).
          await playInput(await cdpOf(page), payload.steps)
          return true
        }
        case 'sf-paste': {
          // A real paste from the system clipboard into the focused element (Ctrl+V runs the
          // editor's paste command only when it is named).
          await page.keyboard.down('Control')
          await page.keyboard.press('KeyV', { commands: ['paste'] })
          await page.keyboard.up('Control')
          return true
        }
        case 'sf-undo': {
          // Ctrl+Z, naming the editor's undo command as a real keyboard shortcut runs it.
          await page.keyboard.down('Control')
          await page.keyboard.press('KeyZ', { commands: ['undo'] })
          await page.keyboard.up('Control')
          return true
        }
        case 'sf-frame-eval': {
          // Runs `script` (a function's source) with `arg` inside each frame of `page` (`card`,
          // `ssn`, `text`…), through the DevTools protocol: what a test needs to see or do inside a
          // cross-origin frame — read the inputs, fill them as autofill does, measure a layout.
          // A frame removed a moment ago may still be listed, its context gone: it is skipped.
          const frames = page.frames().filter((f) => f !== page.mainFrame() && !f.detached && new URL(f.url(), 'http://x').pathname.endsWith(`/${payload.page}.html`))
          const results = await Promise.all(
            frames.map((f) => f.evaluate(`(${payload.script})(${JSON.stringify(payload.arg ?? null)})`).then((value) => ({ value }), (error) => ({ error }))),
          )
          const live = results.filter((r) => !('error' in r) || !/context was destroyed|detached/i.test(String(r.error)))
          const failed = live.find((r) => 'error' in r)
          if (failed) throw failed.error
          return live.map((r) => r.value)
        }
        case 'sf-frame-click': {
          // A real mouse click on the element `selector` inside the frame of `page`.
          const frame = page.frames().find((f) => new URL(f.url(), 'http://x').pathname.endsWith(`/${payload.page}.html`))
          await frame.click(payload.selector)
          return true
        }
        case 'sf-ime': {
          // An input method, as Chrome's own, through the DevTools protocol: composition updates
          // (text not final yet, Input.imeSetComposition), then the commit of the final text
          // (Input.insertText, compositionend). `{ text }` composes `text` one character at a time
          // and commits it, as a Japanese or Chinese IME does with full-width digits; `{ compose,
          // commit }` gives the steps explicitly (either may be left out, to stop mid-composition
          // or to commit later).
          const chars = payload.text === undefined ? [] : [...payload.text]
          const steps = payload.compose ?? chars.map((_, i) => chars.slice(0, i + 1).join(''))
          const commit = payload.commit ?? payload.text
          const cdp = await page.createCDPSession()
          for (const text of steps) await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length })
          if (commit !== undefined) await cdp.send('Input.insertText', { text: commit })
          await cdp.detach()
          return true
        }
        case 'sf-viewport': {
          await page.setViewport({ width: payload.width, height: payload.height })
          return true
        }
        case 'sf-webauthn-add': {
          const cdp = await page.createCDPSession()
          const authenticatorId = await addVirtualAuthenticator(cdp, payload ?? {})
          authenticators.set(authenticatorId, cdp)
          return authenticatorId
        }
        case 'sf-webauthn-remove': {
          const cdp = authenticators.get(payload.id)
          if (cdp) {
            await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: payload.id })
            authenticators.delete(payload.id)
          }
          return true
        }
        case 'sf-webauthn-verified': {
          const cdp = authenticators.get(payload.id)
          await cdp.send('WebAuthn.setUserVerified', { authenticatorId: payload.id, isUserVerified: payload.verified })
          return true
        }
        case 'sf-screenshot': {
          // A PNG (base64) of a region of the page as painted, frames included.
          return page.screenshot({ clip: payload.clip, encoding: 'base64' })
        }
        case 'sf-prefers-color-scheme': {
          // The user's preferred scheme, as an OS setting would give it (null: the default).
          await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: payload.value ?? '' }])
          return true
        }
        default:
          return undefined
      }
    },
  }
}

/** One DevTools session per page, kept: an emulation (a touch screen) lasts as long as its session. */
const cdpSessions = new WeakMap()
async function cdpOf(page) {
  if (!cdpSessions.has(page)) cdpSessions.set(page, await page.createCDPSession())
  return cdpSessions.get(page)
}

/**
 * Plays input steps through the DevTools protocol, as the browser's own input does: `touch`
 * (`Input.dispatchTouchEvent`: start, move, end at a point), `pen` or `mouse`
 * (`Input.dispatchMouseEvent` with that `pointerType`: move, down, up at a point), and `wait` (ms
 * between two steps, as a hand takes them).
 */
async function playInput(cdp, steps) {
  for (const step of steps) {
    if (step.wait !== undefined) await new Promise((r) => setTimeout(r, step.wait))
    else if (step.touch) {
      const type = { start: 'touchStart', move: 'touchMove', end: 'touchEnd' }[step.touch]
      await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: step.touch === 'end' ? [] : [{ x: step.x, y: step.y, radiusX: 4, radiusY: 4, force: 1 }] })
    } else {
      const pointerType = step.pen ? 'pen' : 'mouse'
      const action = step.pen ?? step.mouse
      const type = { move: 'mouseMoved', down: 'mousePressed', up: 'mouseReleased' }[action]
      const press = action === 'move' ? { buttons: 0 } : { button: 'left', buttons: action === 'down' ? 1 : 0, clickCount: 1 }
      await cdp.send('Input.dispatchMouseEvent', { type, x: step.x, y: step.y, pointerType, ...press, ...(step.pen && action === 'down' ? { force: 0.5 } : {}) })
    }
  }
}
