#!/usr/bin/env node
// The `secure-fields` command. An installed package runs its compiled code; a source checkout
// without a build runs the TypeScript through tsx.
import { existsSync } from 'node:fs'

const built = new URL('../dist/lib/node/cli/main.js', import.meta.url)
if (existsSync(built)) {
  await import(built.href)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import(new URL('../src/node/cli/main.ts', import.meta.url).href)
}
