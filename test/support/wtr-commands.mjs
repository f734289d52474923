// Server-side commands for browser tests that need the browser itself (Chrome DevTools Protocol):
// clipboard permission for real paste, and (for the reveal element) virtual WebAuthn authenticators.
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
