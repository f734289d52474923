/**
 * One registry of error codes (`ERRORS`, src/errors.ts): every `ERR_…` the code writes is in it,
 * every code in it is one the code can report, the documentation names registered codes only, and
 * the table of docs/errors.md is the one generated from the registry.
 */
import { expect } from 'chai'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ERRORS, ErrorCodes, NodeErrorCodes, SecureFieldsError, isErrorCode } from '../../src/errors.js'
import { ConsentErrorCodes } from '../../src/protocol/consent.js'
import { RevealErrorCodes } from '../../src/protocol/reveal.js'
import { StoreErrorCodes } from '../../src/node/store/types.js'
import { AuditErrorCodes } from '../../src/node/audit/types.js'
import { ChannelRefused } from '../../src/frame/runtime/channel.js'
import { ERROR_PAGE, errorTable, withTable } from '../../scripts/error-table.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

function files(dir: string, ext: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path, ext) : path.endsWith(ext) ? [path] : []
  })
}

const read = (path: string) => readFileSync(path, 'utf8')
const CODE = /\bERR_[A-Z0-9_]+\b/g

/** The short-name tables kept for code written against them (`ErrorCodes.KEY_INVALID`). */
const TABLES: Record<string, Record<string, string>> = { ErrorCodes, NodeErrorCodes, ConsentErrorCodes, RevealErrorCodes, StoreErrorCodes, AuditErrorCodes }
const SHORT_NAME = new RegExp(`\\b(${Object.keys(TABLES).join('|')})\\.([A-Z0-9_]+)\\b`, 'g')

/**
 * Every code written in `paths` — as `ERR_…`, or (with `shortNames`) as a short name such as
 * `ErrorCodes.KEY_INVALID` — with the first file it appears in.
 */
function codesIn(paths: string[], shortNames = false, strip = (text: string) => text): Map<string, string> {
  const found = new Map<string, string>()
  for (const path of paths) {
    const text = strip(read(path))
    const codes = [...text.matchAll(CODE)].map((m) => m[0])
    if (shortNames) for (const m of text.matchAll(SHORT_NAME)) codes.push(TABLES[m[1]!]![m[2]!] ?? `${m[1]}.${m[2]} (no such name)`)
    for (const code of codes) if (!found.has(code)) found.set(code, relative(ROOT, path))
  }
  return found
}

const SOURCES = files(join(ROOT, 'src'), '.ts').filter((f) => !f.endsWith(join('src', 'errors.ts')))
const DOCS = [...files(join(ROOT, 'docs'), '.md'), join(ROOT, 'README.md'), join(ROOT, 'SECURITY.md')]

describe('the error registry', () => {
  it('every ERR_ code written under src/ is registered', () => {
    const unregistered = [...codesIn(SOURCES, true)].filter(([code]) => !isErrorCode(code)).map(([code, file]) => `${code} (${file})`)
    expect(unregistered, 'codes src/ writes that ERRORS does not register').to.deep.equal([])
  })

  it('every registered code is one the code can report (written somewhere under src/ besides the registry)', () => {
    // What the short-name tables themselves spell out is no use of a code.
    const used = codesIn(SOURCES, true, (text) => text.replace(/export const \w*ErrorCodes = \{[^}]*\}/g, ''))
    expect(Object.keys(ERRORS).length).to.be.above(50)
    expect(Object.keys(ERRORS).filter((code) => !used.has(code)), 'registered codes nothing reports').to.deep.equal([])
  })

  it('every code the documentation names is registered', () => {
    const unknown = [...codesIn(DOCS)].filter(([code]) => !isErrorCode(code)).map(([code, file]) => `${code} (${file})`)
    expect(unknown, 'codes the docs name that ERRORS does not register').to.deep.equal([])
  })

  it('docs/errors.md carries the table generated from the registry (npx tsx scripts/error-table.ts --write)', () => {
    const page = read(ERROR_PAGE)
    expect(withTable(page), 'docs/errors.md differs from the registry').to.equal(page)
    for (const code of Object.keys(ERRORS)) expect(errorTable()).to.include(`| \`${code}\` |`)
  })

  it('each code says who acts on it and what it means', () => {
    for (const [code, info] of Object.entries(ERRORS)) {
      expect(['developer', 'customer'], code).to.include(info.for)
      expect(info.meaning, code).to.match(/^\S.{15,}[.)]$/)
    }
  })

  it('the short-name tables name registered codes only', () => {
    for (const table of Object.values(TABLES)) {
      for (const code of Object.values(table)) expect(isErrorCode(code), code).to.equal(true)
    }
  })

  it("a frame's refused handshake is a SecureFieldsError with a registered code", () => {
    const refused = new ChannelRefused('ERR_POLICY_PARENT')
    expect(refused).to.be.instanceOf(SecureFieldsError)
    expect(isErrorCode(refused.code)).to.equal(true)
  })
})
