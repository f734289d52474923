#!/usr/bin/env -S npx tsx
/**
 * The error table of `docs/errors.md`, generated from the registry (`ERRORS`, `src/errors.ts`):
 * `npx tsx scripts/error-table.ts --write` rewrites the part of the page between its two markers;
 * without `--write` it prints the table. `test/node/errors.test.ts` fails when the page differs.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { ERRORS, type ErrorArea } from '../src/errors.js'

/** The page and the markers around its generated part. */
export const ERROR_PAGE = fileURLToPath(new URL('../docs/errors.md', import.meta.url))
export const START = '<!-- generated from src/errors.ts by scripts/error-table.ts: do not edit by hand -->'
export const END = '<!-- end of generated table -->'

/** Headings of the areas, in the order the page lists them. */
const AREAS: Record<ErrorArea, string> = {
  envelope: 'The envelope (`seal`, `open`, `inspect`)',
  keys: 'Keys',
  arguments: 'Arguments and options',
  fields: 'Fields',
  consent: 'Consent',
  reveal: 'The reveal desk',
  frames: 'Frames and the frame origin',
  policy: 'The frame origin’s policy',
  store: 'The envelope store',
  audit: 'The audit log',
  cli: 'The CLI',
}

/** The generated part of the page: one table per area, every code of the registry once. */
export function errorTable(): string {
  const sections = (Object.keys(AREAS) as ErrorArea[]).map((area) => {
    const rows = Object.entries(ERRORS)
      .filter(([, info]) => info.area === area)
      .map(([code, info]) => `| \`${code}\` | ${info.for} | ${info.meaning.replaceAll('|', '\\|')} |`)
    return [`### ${AREAS[area]}`, '', '| code | for | meaning |', '|---|---|---|', ...rows].join('\n')
  })
  return [START, '', ...sections.flatMap((s) => [s, '']), END].join('\n')
}

/** The page with its generated part replaced by `table`. */
export function withTable(page: string, table = errorTable()): string {
  const start = page.indexOf(START)
  const end = page.indexOf(END)
  if (start < 0 || end < start) throw new Error(`${ERROR_PAGE} has lost its markers`)
  return page.slice(0, start) + table + page.slice(end + END.length)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--write')) writeFileSync(ERROR_PAGE, withTable(readFileSync(ERROR_PAGE, 'utf8')))
  else console.log(errorTable())
}
