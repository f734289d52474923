/**
 * The layout rules of docs/architecture.md, checked on the import graph of `src/`: every static,
 * dynamic, re-exporting and type-only import of every source file (a bundler's graph drops the
 * type-only ones), so that a rule broken by a type alone fails too. `host/` never imports `frame/`, `frame/` never imports
 * `host/`, the pure layers (`crypto/`, `validate/`, `protocol/`) import nothing from `host/`,
 * `frame/` or `node/` and no Node built-in, and no module imports itself through others (a
 * circle: the order its modules run in then depends on which is imported first).
 */
import { expect } from 'chai'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const SRC = join(ROOT, 'src')

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : []
  })
}

/** What one module imports: `src/`-relative paths of its own modules, and bare specifiers. */
interface Imports {
  local: string[]
  bare: string[]
}

/** `from '…'` (import, export, type-only or not), a bare `import '…'`, and `import('…')`. */
const SPECIFIER = /\bfrom\s*['"]([^'"\n]+)['"]|\bimport\s*['"]([^'"\n]+)['"]|\bimport\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g

/** `text` without its comments (so that a comment's example is no import). */
const uncommented = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"\\])\/\/.*$/gm, '$1')

/** Every import of `text` (a module at `file`, relative to `src/`), resolved. */
function importsOf(file: string, text: string): Imports {
  const local: string[] = []
  const bare: string[] = []
  for (const m of uncommented(text).matchAll(SPECIFIER)) {
    const fileName = (m[1] ?? m[2] ?? m[3])!
    if (!fileName.startsWith('.')) bare.push(fileName)
    else local.push(relative(SRC, resolve(SRC, dirname(file), fileName)).replace(/\.js$/, '.ts'))
  }
  return { local, bare }
}

/** The import graph of `src/`: module → what it imports. */
function sourceGraph(): Map<string, Imports> {
  return new Map(files(SRC).map((path) => [relative(SRC, path), importsOf(relative(SRC, path), readFileSync(path, 'utf8'))]))
}

/** The layer of a module: its first folder under `src/` (`errors.ts` is a layer of its own). */
const layerOf = (module: string) => (module.includes('/') ? module.slice(0, module.indexOf('/')) : module)

/** Layers each layer may not import (docs/architecture.md, "Layout"). */
const FORBIDDEN: Record<string, readonly string[]> = {
  host: ['frame', 'node'],
  frame: ['host', 'node'],
  crypto: ['host', 'frame', 'node', 'react', 'jsx'],
  validate: ['host', 'frame', 'node', 'react', 'jsx'],
  protocol: ['host', 'frame', 'node', 'react', 'jsx'],
  'errors.ts': ['host', 'frame', 'node', 'crypto', 'validate', 'protocol', 'react', 'jsx'],
}

/** The imports of `graph` that break a layer rule, as `from → to`. */
function forbiddenImports(graph: Map<string, Imports>): string[] {
  const broken: string[] = []
  for (const [module, { local, bare }] of graph) {
    const layer = layerOf(module)
    for (const target of local) if (FORBIDDEN[layer]?.includes(layerOf(target))) broken.push(`${module} → ${target}`)
    // The pure layers run in browsers and frames as they are: no Node built-in.
    if (['crypto', 'validate', 'protocol', 'errors.ts'].includes(layer)) {
      for (const name of bare) if (name.startsWith('node:')) broken.push(`${module} → ${name}`)
    }
  }
  return broken
}

/** Every circle of `graph`, each once, as the modules along it. */
function circles(graph: Map<string, Imports>): string[][] {
  const found = new Map<string, string[]>()
  const state = new Map<string, 'open' | 'done'>()
  const path: string[] = []
  const visit = (module: string) => {
    state.set(module, 'open')
    path.push(module)
    for (const next of graph.get(module)?.local ?? []) {
      if (state.get(next) === 'open') {
        const circle = path.slice(path.indexOf(next))
        found.set([...circle].sort().join(' '), [...circle, next])
      } else if (!state.has(next)) visit(next)
    }
    path.pop()
    state.set(module, 'done')
  }
  for (const module of graph.keys()) if (!state.has(module)) visit(module)
  return [...found.values()]
}

describe('layout: the import graph of src/', () => {
  const graph = sourceGraph()

  it('reads every module and resolves its imports to modules that exist', () => {
    expect(graph.size).to.be.above(150)
    const missing = [...graph].flatMap(([module, { local }]) => local.filter((t) => !graph.has(t) && !t.endsWith('.css')).map((t) => `${module} → ${t}`))
    expect(missing).to.deep.equal([])
  })

  it('follows the layer rules of docs/architecture.md', () => {
    expect(forbiddenImports(graph)).to.deep.equal([])
  })

  it('has no import circle', () => {
    expect(circles(graph).map((c) => c.join(' → '))).to.deep.equal([])
  })

  it('the checks see a forbidden import, a type-only one, and a circle', () => {
    const planted = new Map<string, Imports>()
    planted.set('host/planted.ts', importsOf('host/planted.ts', "import type { FieldApp } from '../frame/runtime/field-app.js'"))
    planted.set('protocol/planted.ts', importsOf('protocol/planted.ts', "import { readFileSync } from 'node:fs'\nexport const x = () => import('./planted-too.js')"))
    planted.set('protocol/planted-too.ts', importsOf('protocol/planted-too.ts', "export { x } from './planted.js'"))
    expect(forbiddenImports(planted)).to.deep.equal(['host/planted.ts → frame/runtime/field-app.ts', 'protocol/planted.ts → node:fs'])
    expect(circles(planted).map((c) => c.join(' → '))).to.deep.equal(['protocol/planted.ts → protocol/planted-too.ts → protocol/planted.ts'])
  })
})
