#!/usr/bin/env node
// `npm run build`: the frame pages, then the loader (Vite, into dist/frame/), then the npm
// package's JavaScript and types (TypeScript, into dist/lib/ and dist/types/).
// `npm run build -- frames` builds only what the frame origin serves; `-- lib` only the package.
import { build } from 'vite'
import { spawnSync } from 'node:child_process'

const only = process.argv[2]
const started = Date.now()
if (!only || only === 'frames') {
  await build({ configFile: 'vite.config.ts', mode: 'production' })
  // Then the pages built on their own (see vite.config.ts), into the same folder.
  process.env.SF_FRAME_ISOLATED = '1'
  await build({ configFile: 'vite.config.ts', mode: 'production' })
  delete process.env.SF_FRAME_ISOLATED
  await build({ configFile: 'vite.loader.config.ts', mode: 'production' })
  process.env.SF_LOADER = 'agent'
  await build({ configFile: 'vite.loader.config.ts', mode: 'production' })
  delete process.env.SF_LOADER
}
if (!only || only === 'lib') {
  const tsc = spawnSync('node_modules/.bin/tsc', ['-p', 'tsconfig.build.json'], { stdio: 'inherit' })
  if (tsc.status !== 0) process.exit(tsc.status ?? 1)
  // custom-elements.json from the elements' TSDoc (IDEs, Storybook, the package's customElements).
  const cem = spawnSync('node_modules/.bin/cem', ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'], { stdio: 'inherit' })
  if (cem.status !== 0) process.exit(cem.status ?? 1)
}
console.log(`built in ${Date.now() - started} ms`)
