#!/usr/bin/env node
// `npm run bench` (every benchmark) or `npm run bench:crypto` / `bench:elements` / `bench:wire` /
// `bench:card-entry` / `bench:redact`. Benchmarks are bundled with esbuild first, so they measure the
// code as it ships rather than through a loader.
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const which = process.argv[2]
const benches = which ? [which] : ['crypto', 'elements', 'wire', 'card-entry', 'redact']
if (benches.includes('elements') || benches.includes('wire')) {
  const r = spawnSync(process.execPath, ['scripts/build.mjs', 'frames'], { stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
// Inside the project, so the bundles' external packages resolve from node_modules.
const out = join('node_modules', '.cache', 'secure-fields-bench')
mkdirSync(out, { recursive: true })
let failed = false
for (const name of benches) {
  const file = join(out, `${name}.mjs`)
  await build({ entryPoints: [`bench/${name}.ts`], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile: file, logLevel: 'warning', absWorkingDir: process.cwd() })
  const r = spawnSync(process.execPath, [file], { stdio: 'inherit' })
  failed ||= r.status !== 0
}
rmSync(out, { recursive: true, force: true })
process.exit(failed ? 1 : 0)
