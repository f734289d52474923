/**
 * `secure-fields serve`: the frame origin server from the command line.
 *
 * @module
 */
import { Command } from 'commander'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { resolvePublic } from '../../crypto/resolve.js'
import { defaultSuites } from '../../crypto/defaults.js'
import { recipientList } from '../../crypto/seal-to.js'
import { SecureFieldsError, ErrorCodes } from '../../errors.js'
import { startFrameServer } from '../frame-server/server.js'
import { readJwkFile } from './io.js'
import type { CliIo } from './envelope-commands.js'

const collect = (value: string, previous: string[]) => [...previous, value]

/** Shortest admin token accepted: 32 characters (e.g. `openssl rand -base64 32`). */
const MIN_TOKEN = 32

/** Reads the admin token from its file (one line; the file is the secret, not the command line). */
async function readAdminToken(path: string): Promise<string> {
  let token: string
  try {
    token = (await readFile(path, 'utf8')).trim()
  } catch {
    throw new SecureFieldsError(ErrorCodes.INPUT_INVALID, `Cannot read the admin token file ${path}.`)
  }
  if (!/^[\x21-\x7e]+$/.test(token) || token.length < MIN_TOKEN) {
    throw new SecureFieldsError(ErrorCodes.INPUT_INVALID, `The admin token in ${path} must be at least ${MIN_TOKEN} printable characters without spaces.`)
  }
  return token
}

function origin(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new SecureFieldsError(ErrorCodes.INPUT_INVALID, `--allow-parent ${value} is not an origin (e.g. https://chat.example.com).`)
  }
  if (url.origin !== value.replace(/\/$/, '')) throw new SecureFieldsError(ErrorCodes.INPUT_INVALID, `--allow-parent ${value} must be an origin only, without a path.`)
  return url.origin
}

/** `secure-fields serve --port P --allow-parent ORIGIN… [--pin-key PUBLIC…]`. */
export function serveCommand(io: CliIo): Command {
  return new Command('serve')
    .description('Serve the frame app and loader as the frame origin, with a strict CSP and the policy.')
    .requiredOption('--port <port>', 'port to listen on', (v) => Number.parseInt(v, 10))
    .requiredOption('--allow-parent <origin>', 'an origin allowed to embed the frames (repeatable)', collect, [])
    .option('--pin-key <file>', 'a public JWK file, or a key set (JWKS), whose keys fields may seal to (repeatable)', collect, [])
    .option('--admin-token-file <file>', 'a file holding the bearer token of POST/DELETE /policy/keys (desk key registration); turns pinning on')
    .option('--any-key', 'accept any recipient key (no pinning): a page script could then swap in its own key')
    .option('--require-consent <kind>', 'a field kind that may only seal behind a consent gate (repeatable)', collect, [])
    .option('--require-pq <kind>', 'an envelope kind (ssn, card…) that may only be sealed to post-quantum keys, HPKE-9 or HPKE-9-KE (repeatable)', collect, [])
    .option('--host <address>', 'interface to listen on', '127.0.0.1')
    .option('--dir <dir>', 'folder of the built frames', 'dist/frame')
    .option('--quiet', 'do not log requests')
    .action(async (o: { port: number; allowParent: string[]; pinKey: string[]; adminTokenFile?: string; anyKey?: boolean; requireConsent: string[]; requirePq: string[]; host: string; dir: string; quiet?: boolean }) => {
      if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) throw new SecureFieldsError(ErrorCodes.INPUT_INVALID, '--port must be a port number.')
      // Pinning is the defence against a page that swaps the recipient key: turning it off is an
      // explicit choice, never a default.
      const pins = o.pinKey.length > 0 || o.adminTokenFile !== undefined
      if (pins === !!o.anyKey) {
        throw new SecureFieldsError(ErrorCodes.INPUT_INVALID, pins ? '--any-key contradicts --pin-key / --admin-token-file.' : 'Choose the recipient keys: --pin-key FILE (repeatable), --admin-token-file FILE (desk keys registered at run time), or --any-key.')
      }
      const dir = resolve(o.dir)
      if (!existsSync(join(dir, 'card.html'))) {
        throw new SecureFieldsError('ERR_FRAMES_NOT_BUILT', `No frames in ${dir}: run \`npm run build\` first, or pass --dir.`)
      }
      const pinnedKeys: string[] = []
      for (const file of o.pinKey) {
        for (const jwk of recipientList(await readJwkFile(file))) {
          if (typeof jwk === 'object' && jwk !== null && ('d' in jwk || 'priv' in jwk)) {
            throw new SecureFieldsError(ErrorCodes.KEY_INVALID, `${file} holds a private key: pin public keys only.`)
          }
          const { kid } = await resolvePublic(jwk, defaultSuites())
          if (!pinnedKeys.includes(kid)) pinnedKeys.push(kid)
        }
      }
      const server = await startFrameServer({
        port: o.port,
        host: o.host,
        dir,
        allowParents: o.allowParent.map(origin),
        // With the admin route, pinning is on from the start: only keys pinned here or registered.
        ...(pins ? { pinnedKeys } : {}),
        requireConsent: o.requireConsent,
        requirePq: o.requirePq,
        ...(o.adminTokenFile ? { adminToken: await readAdminToken(o.adminTokenFile) } : {}),
        log: o.quiet ? undefined : (line) => io.stderr.write(`${line}\n`),
      })
      io.stdout.write(
        `frame origin listening on http://${o.host}:${server.port} (parents: ${o.allowParent.join(', ')}; pinned keys: ${pinnedKeys.length || (o.adminTokenFile ? 'registered only' : 'any')}${o.requirePq.length ? `; post-quantum only: ${o.requirePq.join(', ')}` : ''}${o.adminTokenFile ? '; admin route on' : ''})\n`,
      )
      // Run until interrupted.
      await new Promise<void>((done) => {
        const stop = () => void server.close().then(done)
        process.once('SIGINT', stop)
        process.once('SIGTERM', stop)
      })
    })
}
