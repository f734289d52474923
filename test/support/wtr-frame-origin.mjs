// A web-test-runner plugin that runs the real frame origin beside the test server: the built
// frames (dist/frame) on http://fields.localhost:PORT, allowing the test page's origin as parent
// and pinning one test key. Tests read the origins and keys from /__sf/config.json.
import { register } from 'tsx/esm/api'

register()
const { startFrameServer } = await import('../../src/node/frame-server/server.ts')
const { generateKeyPair } = await import('../../src/crypto/index.ts')

export function frameOriginPlugin({ hostPort, framePort }) {
  let server
  let config
  return {
    name: 'secure-fields-frame-origin',
    async serverStart() {
      const pinned = await generateKeyPair()
      const unpinned = await generateKeyPair()
      server = await startFrameServer({
        port: framePort,
        dir: 'dist/frame',
        allowParents: [`http://localhost:${hostPort}`],
        pinnedKeys: [pinned.publicJwk.kid],
      })
      config = {
        hostOrigin: `http://localhost:${hostPort}`,
        frameBase: `http://fields.localhost:${server.port}/`,
        frameOrigin: `http://fields.localhost:${server.port}`,
        publicJwk: pinned.publicJwk,
        privateJwk: pinned.privateJwk,
        unpinnedPublicJwk: unpinned.publicJwk,
        unpinnedPrivateJwk: unpinned.privateJwk,
      }
    },
    async serverStop() {
      await server?.close()
    },
    serve(context) {
      if (context.path === '/__sf/config.json') return { body: JSON.stringify(config), type: 'json' }
    },
  }
}
