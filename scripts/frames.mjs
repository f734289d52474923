// The built frames and loaders (`SF_FRAME_OUT`, default dist/frame): what the frame origin serves.
// `npm start` and Storybook build them first when they are missing or older than their sources.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** The sources the frames and loaders are built from. */
const SOURCES = ['src/frame', 'src/host', 'src/protocol', 'src/crypto', 'src/validate']

/** The newest modification time of the files under `dir`. */
function newest(dir) {
  let t = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}

/** The folder of the built frames. */
export function frameDir(root = process.cwd()) {
  return resolve(root, process.env.SF_FRAME_OUT ?? 'dist/frame')
}

/** Builds the frames (`scripts/build.mjs frames`) when missing or stale; exits on a failed build. */
export function ensureFrames(root = process.cwd()) {
  const built = join(frameDir(root), 'secure-fields.js')
  const stale = !existsSync(built) || SOURCES.some((d) => newest(join(root, d)) > statSync(built).mtimeMs)
  if (!stale) return
  console.log('› Building the frames…')
  const r = spawnSync(process.execPath, ['scripts/build.mjs', 'frames'], { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
