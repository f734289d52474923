/**
 * The demo (`demo/server/main.ts`: chat server, pages, frame origin, SQLite store, audit log) as a
 * child process with a scratch data directory, for the end-to-end tests. Its output is kept, so a
 * test can sweep it for canaries and show it when something fails.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A running demo. */
export interface DemoServer {
  /** Its data directory: `envelopes.sqlite`, `audit.log`. */
  readonly dataDir: string
  /** Everything it wrote on stdout and stderr so far (`DEMO_VERBOSE`). */
  output(): string
  /** Stops it (SIGKILL if it has not exited ten seconds after SIGTERM) and removes its data. */
  stop(): Promise<void>
}

/** How long the demo may take to say it listens (it compiles its pages on start). */
const START_MS = 30_000

/**
 * Starts the demo on `port` (its frame origin on `port + 1`) and resolves once it prints its
 * agent console's address; rejects with its output if it exits or stays silent first.
 */
export function startDemo(port: number, prefix: string): Promise<DemoServer> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix))
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/server/main.ts'], {
    env: { ...process.env, DEMO_PORT: String(port), DEMO_FRAME_PORT: String(port + 1), DEMO_DATA_DIR: dataDir, DEMO_VERBOSE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      // A demo that does not stop (a test failed with a connection open) is killed.
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    }
    rmSync(dataDir, { recursive: true, force: true })
  }
  return new Promise((resolve, reject) => {
    const fail = (why: string) => void stop().then(() => reject(new Error(`${why}\n${output}`)))
    const timer = setTimeout(() => fail(`the demo did not start within ${START_MS} ms`), START_MS)
    const onData = (d: Buffer) => {
      output += d
      if (output.includes('agent console')) {
        clearTimeout(timer)
        child.off('exit', onExit)
        resolve({ dataDir, output: () => output, stop })
      }
    }
    const onExit = () => {
      clearTimeout(timer)
      fail('the demo exited before it started')
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', onExit)
  })
}
