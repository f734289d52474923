/**
 * Spawning the TypeScript helpers of these tests as real child processes (`node --import tsx`),
 * reading their output line by line.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** A running helper process with line-based output. */
export interface Child {
  process: ChildProcessWithoutNullStreams
  /** Every stdout line received so far. */
  lines: string[]
  /** Resolves once a line satisfying `test` has arrived (or rejects if the child exits first). */
  waitFor(test: (lines: string[]) => boolean, timeoutMs?: number): Promise<void>
  /** Resolves with the exit code or signal when the child has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/** Spawns `test/node/support/<script>` with tsx. */
export function spawnHelper(script: string, args: string[]): Child {
  const file = fileURLToPath(new URL(`./${script}`, import.meta.url))
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], { stdio: ['pipe', 'pipe', 'pipe'] })
  const lines: string[] = []
  let stderr = ''
  let partial = ''
  const waiters = new Set<() => void>()
  child.stdout.setEncoding('utf8').on('data', (data: string) => {
    const parts = (partial + data).split('\n')
    partial = parts.pop() ?? ''
    lines.push(...parts)
    for (const wake of waiters) wake()
  })
  child.stderr.setEncoding('utf8').on('data', (data: string) => (stderr += data))
  let done = false
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      done = true
      for (const wake of waiters) wake()
      resolve({ code, signal })
    }),
  )
  const waitFor = (test: (l: string[]) => boolean, timeoutMs = 15000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error(`${script}: timed out; stderr: ${stderr}`)), timeoutMs)
      const finish = (error?: Error) => {
        clearTimeout(timer)
        waiters.delete(check)
        if (error) reject(error)
        else resolve()
      }
      const check = () => {
        if (test(lines)) finish()
        else if (done) finish(new Error(`${script} exited early; stderr: ${stderr}`))
      }
      waiters.add(check)
      check()
    })
  return { process: child, lines, waitFor, exited }
}
