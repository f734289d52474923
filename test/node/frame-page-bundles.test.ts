// What the one-input frame pages load: the SSN page never carries `ibantools`; the text page
// fetches it (with the text validators) only once configured, so its preloaded bundle stays small.
// Bundled from source with esbuild (code splitting as Vite does), so no frame build is needed.
import { expect } from 'chai'
import { build, type Metafile } from 'esbuild'

/** The source files of what a page loads before it runs (static imports) and of what it may fetch later. */
async function pageInputs(entry: string): Promise<{ preloaded: string[]; onDemand: string[] }> {
  const { metafile } = await build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
    outdir: 'out',
    loader: { '.css': 'empty' },
  })
  const outputs: Metafile['outputs'] = metafile.outputs
  const start = Object.keys(outputs).find((o) => outputs[o]!.entryPoint === entry)!
  const staticOutputs = new Set<string>()
  const walk = (o: string) => {
    if (staticOutputs.has(o)) return
    staticOutputs.add(o)
    for (const i of outputs[o]!.imports) if (i.kind === 'import-statement') walk(i.path)
  }
  walk(start)
  const inputsOf = (keep: (o: string) => boolean) =>
    Object.keys(outputs)
      .filter(keep)
      .flatMap((o) => Object.keys(outputs[o]!.inputs))
  return { preloaded: inputsOf((o) => staticOutputs.has(o)), onDemand: inputsOf((o) => !staticOutputs.has(o)) }
}

const ibantools = (paths: string[]) => paths.filter((p) => p.includes('ibantools'))
const cardBrands = (paths: string[]) => paths.filter((p) => p.includes('credit-card-type'))

describe('frame pages: what the one-input pages load', function () {
  this.timeout(60000)

  it('the SSN page: the SSN rules, no ibantools and no card brands, even on demand', async () => {
    const { preloaded, onDemand } = await pageInputs('src/frame/ssn/main.ts')
    expect(ibantools([...preloaded, ...onDemand])).to.deep.equal([])
    expect(cardBrands([...preloaded, ...onDemand])).to.deep.equal([])
    expect(preloaded).to.include.members(['src/validate/ssn.ts', 'src/frame/runtime/single-input-view.ts'])
  })

  it('the text page: ibantools and the text presets only on demand, no card brands', async () => {
    const { preloaded, onDemand } = await pageInputs('src/frame/text/main.ts')
    expect(ibantools(preloaded)).to.deep.equal([])
    expect(preloaded).to.not.include('src/validate/text.ts')
    expect(ibantools(onDemand)).to.not.deep.equal([])
    expect(onDemand).to.include.members(['src/validate/text.ts', 'src/validate/iban.ts'])
    expect(cardBrands([...preloaded, ...onDemand])).to.deep.equal([])
  })
})
