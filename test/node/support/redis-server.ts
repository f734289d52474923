/**
 * A private redis-server for the tests: its own free port on loopback, its own folder, stopped in
 * `after`. No silent skipping: without the binary the suite fails and says how to install it.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createConnection, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A running test server. */
export interface TestRedis {
  port: number
  url: string
  /** SIGKILLs the server (a crash) and starts it again on the same port and folder. */
  crashAndRestart(): Promise<void>
  /** Stops the server and removes its folder. */
  stop(): Promise<void>
}

const INSTALL_HINT = 'redis-server is required for the Redis store tests: run `apt-get install -y redis-server`'

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' })
    socket.once('error', () => resolve(false))
    socket.once('data', (data) => {
      socket.destroy()
      resolve(data.toString().startsWith('+PONG'))
    })
    socket.once('connect', () => socket.write('PING\r\n'))
  })
}

/**
 * Starts redis-server. `durable` turns on the append-only file with an fsync per write, so a
 * crash-and-restart keeps every acknowledged write.
 */
export async function startRedis(options: { durable?: boolean; binary?: string } = {}): Promise<TestRedis> {
  const binary = options.binary ?? 'redis-server'
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'sf-redis-'))
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', dir, '--protected-mode', 'yes']
  args.push(...(options.durable ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no']))
  let server: ChildProcess

  const launch = async () => {
    server = spawn(binary, args, { stdio: 'ignore' })
    let gone: Error | undefined
    server.once('error', (error: NodeJS.ErrnoException) => {
      gone = new Error(`${INSTALL_HINT} (${error.code === 'ENOENT' ? `${binary} not found` : error.message})`)
    })
    server.once('exit', (code) => (gone ??= new Error(`redis-server exited with code ${code} on start`)))
    for (let i = 0; i < 200; i++) {
      if (gone) throw gone
      if (await ping(port)) return
      await new Promise((r) => setTimeout(r, 25))
    }
    throw new Error(`redis-server did not answer on port ${port}`)
  }
  const kill = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (server.exitCode !== null || server.signalCode !== null) return resolve()
      server.once('exit', () => resolve())
      server.kill(signal)
    })

  await launch().catch((error) => {
    rmSync(dir, { recursive: true, force: true })
    throw error
  })
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async crashAndRestart() {
      await kill('SIGKILL')
      await launch()
    },
    async stop() {
      await kill('SIGTERM')
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
