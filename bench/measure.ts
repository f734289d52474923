/**
 * Throughput measurement shared by the benchmarks: operations per second, one at a time and with
 * many in flight, after a warm-up. Figures are printed, never asserted.
 */
export interface Rate {
  perSecond: number
}

/** Runs `op` for about `seconds`, keeping `inflight` calls pending, and returns the rate. */
export async function rate(op: () => Promise<unknown>, inflight: number, seconds = 2): Promise<Rate> {
  // Warm-up: JIT, key caches, thread pool.
  const warmUntil = performance.now() + 300
  while (performance.now() < warmUntil) await Promise.all(Array.from({ length: Math.min(inflight, 32) }, op))
  let done = 0
  const start = performance.now()
  const end = start + seconds * 1000
  async function lane() {
    while (performance.now() < end) {
      await op()
      done++
    }
  }
  await Promise.all(Array.from({ length: inflight }, lane))
  return { perSecond: done / ((performance.now() - start) / 1000) }
}

/** Formats a number with thousands separators. */
export const fmt = (n: number) => Math.round(n).toLocaleString('en-US')

/** Prints a table of rows with aligned columns. */
export function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const r of rows) console.log(line(r))
}
