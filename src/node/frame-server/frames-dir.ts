/**
 * Where the built frames are: the frame origin serves `dist/frame/` of the package it belongs to,
 * whether that is a source checkout or `node_modules/secure-fields` in a vendor's install.
 *
 * @module
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { packageRoot } from '../package-root.js'

/** `dist/frame` of this package (the default of `secure-fields serve --dir`). */
export function packageFrameDir(): string {
  const root = packageRoot()
  return root ? join(root, 'dist', 'frame') : join(process.cwd(), 'dist', 'frame')
}

/** Whether `dir` holds built frames (every deployment has the card page). */
export function hasFrames(dir: string): boolean {
  return existsSync(join(dir, 'card.html'))
}

/** Whether a path relative to the frames folder is a loader (`secure-fields.js`, `secure-fields-agent.js`…). */
export function isLoader(relative: string): boolean {
  return /^secure-fields[a-z-]*\.js$/.test(relative)
}

/** A loader's Subresource Integrity value. */
export interface LoaderIntegrity {
  /** The file name, e.g. `secure-fields.js`. */
  file: string
  /** `sha384-…` (W3C Subresource Integrity §3.1), for `<script integrity>`. */
  integrity: string
}

/**
 * The SRI hash of each loader in `dir`: what a host page puts in `<script type="module"
 * integrity="…">` so that a changed loader is not run. It changes with every build.
 */
export function loaderIntegrity(dir: string): LoaderIntegrity[] {
  return readdirSync(dir)
    .filter(isLoader)
    .sort()
    .map((file) => ({ file, integrity: `sha384-${createHash('sha384').update(readFileSync(join(dir, file))).digest('base64')}` }))
}
