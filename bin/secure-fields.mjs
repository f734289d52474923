#!/usr/bin/env node
// The `secure-fields` command. A source checkout runs the TypeScript through tsx (so it is never
// stale); an installed package, which ships no sources, runs its compiled code.
import { existsSync } from 'node:fs'

const source = new URL('../src/node/cli/main.ts', import.meta.url)
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api')
  register()
  await import(source.href)
} else {
  await import(new URL('../dist/lib/node/cli/main.js', import.meta.url).href)
}
