#!/usr/bin/env node
// `npm run build`: the frame pages, then the loader (Vite, into dist/frame/), then the npm
// package's JavaScript and types (TypeScript, into dist/lib/ and dist/types/).
// `npm run build -- frames` builds only what the frame origin serves.
import { build } from 'vite'
import { spawnSync } from 'node:child_process'

const only = process.argv[2]
const started = Date.now()
if (!only || only === 'frames') {
  await build({ configFile: 'vite.config.ts', mode: 'production' })
  await build({ configFile: 'vite.loader.config.ts', mode: 'production' })
}
if (!only || only === 'lib') {
  const r = spawnSync('node_modules/.bin/tsc', ['-p', 'tsconfig.build.json'], { stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
console.log(`built in ${Date.now() - started} ms`)
