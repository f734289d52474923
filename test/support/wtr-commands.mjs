// Server-side commands for browser tests that need the browser itself (Chrome DevTools Protocol):
// clipboard permission for real paste, (for the reveal element) virtual WebAuthn authenticators,
// screenshots of what is painted (frames included), and the user's preferred color scheme.
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
