// Server-side commands for browser tests that need the browser itself (Chrome DevTools Protocol):
// clipboard permission for real paste, undo, input-method composition, and (for the reveal element)
// virtual WebAuthn authenticators.
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
        case 'sf-undo': {
          // Ctrl+Z, naming the editor's undo command as a real keyboard shortcut runs it.
          await page.keyboard.down('Control')
          await page.keyboard.press('KeyZ', { commands: ['undo'] })
          await page.keyboard.up('Control')
          return true
        }
        case 'sf-ime': {
          // An input method, as Chrome's own: composition updates (text not final yet), then the
          // commit of the final text (compositionend), through the DevTools protocol.
          const cdp = await page.createCDPSession()
          for (const text of payload.compose ?? []) await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length })
          if (payload.commit !== undefined) await cdp.send('Input.insertText', { text: payload.commit })
          await cdp.detach()
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
