/**
 * `secure-fields serve`: the frame origin server from the command line, and `secure-fields
 * integrity`: the Subresource Integrity hash of each loader it serves.
 *
 * @module
 */
import { Command, InvalidArgumentError } from 'commander'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { resolvePublic } from '../../crypto/resolve.js'
import { defaultSuites } from '../../crypto/defaults.js'
import { recipientList } from '../../crypto/seal-to.js'
import { SecureFieldsError, ErrorCodes, NodeErrorCodes } from '../../errors.js'
import { ANY_PARENT } from '../../protocol/policy.js'
import { POLICY_KINDS } from '../../protocol/kinds.js'
import { startFrameServer } from '../frame-server/server.js'
import { hasFrames, loaderIntegrity, packageFrameDir } from '../frame-server/frames-dir.js'
import { readPublicJwkFile, usage } from './io.js'
import type { CliIo } from './envelope-commands.js'

const collect =
  <T>(parse: (value: string) => T) =>
  (value: string, previous: T[]) => [...previous, parse(value)]

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
    throw new InvalidArgumentError(`${value} is not an origin (e.g. https://chat.example.com).`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new InvalidArgumentError(`${value} is not an http(s) origin.`)
  if (url.origin !== value.replace(/\/$/, '')) throw new InvalidArgumentError(`${value} must be an origin only, without a path.`)
  return url.origin
}

function port(value: string): number {
  const n = /^\d{1,5}$/.test(value) ? Number(value) : NaN
  if (!(n >= 0 && n <= 65535)) throw new InvalidArgumentError('a port is a whole number from 0 to 65535.')
  return n
}

/** A kind the policy's `requireConsent` or `requirePq` may name. */
function policyKind(value: string): string {
  if (!POLICY_KINDS.includes(value)) throw new InvalidArgumentError(`${value} is not a field kind; use one of ${POLICY_KINDS.join(', ')}.`)
  return value
}

interface ServeOptions {
  port: number
  allowParent: string[]
  allowAnyParent?: boolean
  pinKey: string[]
  adminTokenFile?: string
  anyKey?: boolean
  requireConsent: string[]
  requirePq: string[]
  host: string
  dir?: string
  quiet?: boolean
}

/** `secure-fields serve --port P --allow-parent ORIGIN… [--pin-key PUBLIC…]`. */
export function serveCommand(io: CliIo): Command {
  return new Command('serve')
    .description('Serve the frame app and loader as the frame origin, with a strict CSP and the policy.')
    .requiredOption('--port <port>', 'port to listen on', port)
    .option('--allow-parent <origin>', 'an origin allowed to embed the frames (repeatable; at least one)', collect(origin), [])
    .option('--allow-any-parent', 'let any page embed the frames (development only: clickjacking and key-swap protections then rest on your pages alone)')
    .option('--pin-key <file>', 'a public JWK file, or a key set (JWKS), whose keys fields may seal to (repeatable)', collect(String), [])
    .option('--admin-token-file <file>', 'a file holding the bearer token of POST/DELETE /policy/keys (desk key registration); turns pinning on')
    .option('--any-key', 'accept any recipient key (no pinning): a page script could then swap in its own key')
    .option('--require-consent <kind>', `a field kind that may only seal behind a consent gate (repeatable: ${POLICY_KINDS.join(', ')})`, collect(policyKind), [])
    .option('--require-pq <kind>', `an envelope kind that may only be sealed to post-quantum keys, HPKE-9 or HPKE-9-KE (repeatable: ${POLICY_KINDS.join(', ')})`, collect(policyKind), [])
    .option('--host <address>', 'interface to listen on', '127.0.0.1')
    .option('--dir <dir>', "folder of the built frames (default: this package's dist/frame)")
    .option('--quiet', 'do not log requests')
    .action(async (o: ServeOptions, command: Command) => {
      if (o.allowParent.length === 0 && !o.allowAnyParent) {
        usage(command, 'name the pages allowed to embed the frames: --allow-parent ORIGIN (repeatable), or --allow-any-parent for development.')
      }
      if (o.allowParent.length > 0 && o.allowAnyParent) usage(command, '--allow-any-parent contradicts --allow-parent.')
      // Pinning is the defence against a page that swaps the recipient key: turning it off is an
      // explicit choice, never a default.
      const pins = o.pinKey.length > 0 || o.adminTokenFile !== undefined
      if (pins === !!o.anyKey) {
        usage(command, pins ? '--any-key contradicts --pin-key / --admin-token-file.' : 'choose the recipient keys: --pin-key FILE (repeatable), --admin-token-file FILE (desk keys registered at run time), or --any-key.')
      }
      const dir = resolve(o.dir ?? packageFrameDir())
      if (!hasFrames(dir)) {
        throw new SecureFieldsError(NodeErrorCodes.FRAMES_NOT_BUILT, `No frames in ${dir}: ${o.dir ? 'pass the folder of the built frames' : 'run `npm run build` first'}.`)
      }
      const pinnedKeys: string[] = []
      for (const file of o.pinKey) {
        for (const jwk of recipientList(await readPublicJwkFile(file, '--pin-key'))) {
          const { kid } = await resolvePublic(jwk, defaultSuites())
          if (!pinnedKeys.includes(kid)) pinnedKeys.push(kid)
        }
      }
      if (o.allowAnyParent) {
        io.stderr.write('WARNING: --allow-any-parent: every site may embed these frames. Use it for development only; in production name your chat pages with --allow-parent.\n')
      }
      const parents = o.allowAnyParent ? [ANY_PARENT] : o.allowParent
      const server = await startFrameServer({
        port: o.port,
        host: o.host,
        dir,
        allowParents: parents,
        // With the admin route, pinning is on from the start: only keys pinned here or registered.
        ...(pins ? { pinnedKeys } : {}),
        requireConsent: o.requireConsent,
        requirePq: o.requirePq,
        ...(o.adminTokenFile ? { adminToken: await readAdminToken(o.adminTokenFile) } : {}),
        log: o.quiet ? undefined : (line) => io.stderr.write(`${line}\n`),
      })
      // Run until interrupted: the handlers are in place before anyone can read that it listens.
      const stopped = new Promise<void>((done) => {
        const stop = () => void server.close().then(done)
        process.once('SIGINT', stop)
        process.once('SIGTERM', stop)
      })
      io.stdout.write(
        `frame origin listening on http://${o.host}:${server.port} (frames: ${dir}; parents: ${o.allowAnyParent ? 'ANY' : parents.join(', ')}; pinned keys: ${pinnedKeys.length || (o.adminTokenFile ? 'registered only' : 'any')}${o.requirePq.length ? `; post-quantum only: ${o.requirePq.join(', ')}` : ''}${o.adminTokenFile ? '; admin route on' : ''})\n`,
      )
      await stopped
    })
}

/** `secure-fields integrity [--dir DIR]`: one `sha384-… FILE` line per loader. */
export function integrityCommand(io: CliIo): Command {
  return new Command('integrity')
    .description('Print the Subresource Integrity hash (sha384) of each loader, for <script type="module" integrity="…">.')
    .option('--dir <dir>', "folder of the built frames (default: this package's dist/frame)")
    .option('--json', 'print a JSON object { file: integrity }')
    .action(async (o: { dir?: string; json?: boolean }) => {
      const dir = resolve(o.dir ?? packageFrameDir())
      if (!hasFrames(dir)) throw new SecureFieldsError(NodeErrorCodes.FRAMES_NOT_BUILT, `No frames in ${dir}.`)
      const hashes = loaderIntegrity(dir)
      io.stdout.write(o.json ? `${JSON.stringify(Object.fromEntries(hashes.map((h) => [h.file, h.integrity])), null, 2)}\n` : hashes.map((h) => `${h.integrity}  ${h.file}\n`).join(''))
    })
}
