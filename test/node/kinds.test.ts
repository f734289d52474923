/**
 * The registry of kinds, pages and presets (src/protocol/kinds.ts) against every place that must
 * follow it where no compiler looks: the frame pages and their entries, the build's isolated
 * pages and size budgets, the host elements, their loader, JSX and React bindings and stories, the
 * text field's presets in the validators, the English texts and the policy's kind names. A kind
 * registered here and forgotten there — or there and not here — fails, naming both.
 */
import { expect } from 'chai'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { FIELD_KINDS, FRAME_PAGES, OTHER_PAGES, POLICY_KINDS, TEXT_PRESETS, isFieldKind } from '../../src/protocol/kinds.js'
import { DropCounter, parseHostMessage, stamp } from '../../src/protocol/guards.js'
import { createTextValidator } from '../../src/validate/text.js'
import { UI_KEYS } from '../../src/frame/i18n/keys.js'
import { enText } from '../../src/frame/i18n/en-text.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8')
const sorted = (list: Iterable<string>) => [...list].sort()
const FIELDS = Object.keys(FIELD_KINDS) as Array<keyof typeof FIELD_KINDS>

describe('protocol/kinds: one registry of kinds, pages and presets', () => {
  it('every frame page is registered, and every registered page has its HTML page', () => {
    const pages = readdirSync(join(ROOT, 'src/frame/pages'))
      .filter((f) => f.endsWith('.html'))
      .map((f) => f.slice(0, -'.html'.length))
    expect(sorted(pages), 'src/frame/pages/*.html against FRAME_PAGES').to.deep.equal(sorted(Object.keys(FRAME_PAGES)))
    expect(sorted(Object.keys(FRAME_PAGES)), 'FRAME_PAGES against the field kinds and the other pages').to.deep.equal(sorted([...FIELDS, ...OTHER_PAGES]))
  })

  it('each field kind has a frame entry that runs the field app as that kind', () => {
    for (const kind of FIELDS) {
      const entry = `src/frame/${kind}/main.ts`
      expect(existsSync(join(ROOT, entry)), entry).to.equal(true)
      expect(read(entry), entry).to.match(new RegExp(`startFieldApp\\('${kind}',`))
      expect(read(`src/frame/pages/${kind}.html`), `${kind}.html`).to.include(`../${kind}/main.ts`)
    }
  })

  it('each field kind has its host element, defined by the loader and typed for JSX and React', () => {
    for (const [kind, { element }] of Object.entries(FIELD_KINDS)) {
      const file = `src/host/${element}.ts`
      expect(existsSync(join(ROOT, file)), `${kind}: ${file}`).to.equal(true)
      expect(read(file), file).to.include(`customElements.define('${element}'`)
      expect(read('src/host/define.ts'), `define.ts defines ${element}`).to.include(`./${element}.js'`)
      expect(read('src/jsx/elements.ts'), `jsx/elements.ts types ${element}`).to.include(`'../host/${element}.js'`)
      expect(read('src/react/index.ts'), `react/index.ts wraps ${element}`).to.include(`'../host/${element}.js'`)
    }
  })

  it('the build isolates and budgets exactly the pages the registry says', () => {
    // vite.config.ts reads the isolated pages from the registry; .size-limit.cjs its budgets.
    expect(read('vite.config.ts')).to.include("from './src/protocol/kinds.js'")
    const dir = mkdtempSync(join(tmpdir(), 'sf-kinds-'))
    try {
      for (const page of Object.keys(FRAME_PAGES)) writeFileSync(join(dir, `${page}.html`), `<script type="module" src="./assets/${page}.js"></script>`)
      const require = createRequire(import.meta.url)
      const configPath = join(ROOT, '.size-limit.cjs')
      delete require.cache[configPath]
      const saved = process.env.SF_FRAME_OUT
      process.env.SF_FRAME_OUT = dir
      let config: Array<{ name: string; limit: string }>
      try {
        config = require(configPath)
      } finally {
        if (saved === undefined) delete process.env.SF_FRAME_OUT
        else process.env.SF_FRAME_OUT = saved
        delete require.cache[configPath]
      }
      const budgeted = Object.entries(FRAME_PAGES).flatMap(([page, build]) => ('budget' in build ? [[`${page} frame app`, build.budget]] : []))
      expect(budgeted.map(([name]) => name)).to.include.members(FIELDS.map((k) => `${k} frame app`))
      const frameEntries = config.filter((c) => c.name.endsWith(' frame app')).map((c) => [c.name, c.limit])
      expect(frameEntries).to.deep.equal(budgeted)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('the guard takes a configuration of each registered kind and of no other', () => {
    const config = (kind: string) => stamp({ t: 'config', config: { kind, label: '', locale: 'en', theme: {}, publicKey: null, context: 'c', required: false, disabled: false, options: {} } })
    for (const kind of FIELDS) expect(parseHostMessage(config(kind), new DropCounter()), kind).to.not.equal(undefined)
    for (const kind of ['gate', 'reveal', 'iban', 'toString', '__proto__', 'Card']) {
      expect(isFieldKind(kind), kind).to.equal(false)
      expect(parseHostMessage(config(kind), new DropCounter()), kind).to.equal(undefined)
    }
  })

  it('each text preset has its validator, its label and its texts, and is an envelope kind of the text field', () => {
    expect([...FIELD_KINDS.text.envelopeKinds]).to.deep.equal([...TEXT_PRESETS])
    for (const preset of TEXT_PRESETS) {
      expect(() => createTextValidator({ preset }), preset).to.not.throw()
      expect(UI_KEYS, preset).to.include(`${preset}.label`)
      expect(Object.keys(enText).some((k) => k.startsWith(`${preset}.`) && k !== `${preset}.label`), `${preset}: validation texts`).to.equal(true)
    }
    expect(() => createTextValidator({ preset: 'card' as never })).to.throw(/preset must be one of 'iban', 'account', 'id'/)
  })

  it('the policy may name every field kind and every envelope kind, and nothing else', () => {
    expect(sorted(POLICY_KINDS)).to.deep.equal(sorted(new Set([...FIELDS, ...FIELDS.flatMap((k) => FIELD_KINDS[k].envelopeKinds)])))
    expect(POLICY_KINDS).to.include.members(['card', 'ssn', 'text', 'iban', 'account', 'id'])
  })
})
