/**
 * This package's own folder and version, found from the running module: the same code runs from
 * a source checkout (`src/node/…`) and from an install (`node_modules/secure-fields/dist/lib/node/…`).
 *
 * @module
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const NAME = 'secure-fields'

function manifestAt(dir: string): { name?: unknown; version?: unknown } | undefined {
  const file = join(dir, 'package.json')
  if (!existsSync(file)) return undefined
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown }
  } catch {
    return undefined
  }
}

/** The nearest folder above `from` whose package.json names this package; undefined if none. */
export function packageRoot(from: string = import.meta.url): string | undefined {
  let dir = dirname(fileURLToPath(from))
  for (;;) {
    if (manifestAt(dir)?.name === NAME) return dir
    const parent = dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}

/** This package's version, from its package.json. */
export function packageVersion(): string {
  const root = packageRoot()
  const version = root ? manifestAt(root)?.version : undefined
  return typeof version === 'string' ? version : '0.0.0'
}
