/**
 * `secure-fields serve` as a child process, for tests of the CLI's own flags: a scratch frame
 * directory with a `card.html`, and a `serve(args)` that resolves with the URL once it listens, or
 * with its stderr and exit code if it stops first. Call inside a `describe`: it registers the
 * hooks that make the directory, stop the process after each test and remove the directory.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const BIN = fileURLToPath(new URL('../../bin/secure-fields.mjs', import.meta.url))

/** What {@link serveProcess} gives a test. */
export interface ServeProcess {
  /** The scratch frame directory (valid from `before`). */
  dir(): string
  /** Stops the process started last (it is also stopped after each test). */
  stop(): void
  /** Starts `serve` on port 0, one allowed parent, the scratch directory and `args`. */
  serve(args: string[]): Promise<{ url?: string; stderr: string; code?: number | null }>
}

/** Registers the hooks and returns the scratch directory and `serve`; `prefix` names the directory. */
export function serveProcess(prefix: string): ServeProcess {
  let dir = ''
  let child: ChildProcess | undefined
  before(() => {
    dir = mkdtempSync(join(tmpdir(), prefix))
    writeFileSync(join(dir, 'card.html'), '<!doctype html><html><head></head><body></body></html>')
  })
  const stop = () => {
    child?.kill('SIGTERM')
    child = undefined
  }
  afterEach(stop)
  after(() => rmSync(dir, { recursive: true, force: true }))
  return {
    dir: () => dir,
    stop,
    serve: (args) =>
      new Promise((resolve) => {
        const c = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--allow-parent', 'http://localhost:1', '--dir', dir, '--quiet', ...args])
        child = c
        let stderr = ''
        c.stderr.on('data', (d) => (stderr += d))
        c.stdout.on('data', (d: Buffer) => {
          const m = /listening on (http:\/\/[^ ]+)/.exec(String(d))
          if (m) resolve({ url: m[1]!, stderr })
        })
        c.on('close', (code) => resolve({ stderr, code }))
      }),
  }
}
