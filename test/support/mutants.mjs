// Mutant frames: the real frame pages built from sources with one deliberate leak each, for the
// noninterference harness's controls (test/host/noninterference-controls.test.ts). A control runs
// the harness against a mutant and expects it to find a difference: a harness that cannot see
// these leaks proves nothing about the real frames.
//
// Each mutation is a textual change to one source file, applied by a Vite plugin while the mutant
// is built; a mutation whose text is no longer in the file fails the build loudly, so a refactor
// cannot silently turn a control into a test that passes for the wrong reason.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const FIELD_APP = 'src/frame/runtime/field-app.ts'
const SHELL = 'src/frame/runtime/shell.ts'
const FIELD_SEAL = 'src/frame/runtime/field-seal.ts'

/** name → the change that makes the frame leak. */
export const MUTANTS = {
  // One digit of what is typed in every state message.
  'digit-in-state': {
    file: FIELD_APP,
    from: "this.shell.send({ t: 'state', state })",
    to: "this.shell.send({ t: 'state', state: { ...state, message: (state.message ?? '') + this.valueKey().replace(/\\D/g, '').slice(-1) } })",
  },
  // The value in a failed seal's message.
  'value-in-seal-error': {
    file: FIELD_SEAL,
    from: "if (id !== 0) shell.send({ t: 'seal-error', id, code, message })",
    to: "if (id !== 0) shell.send({ t: 'seal-error', id, code, message: message + this.ctx.view.inputs.map((i) => i.value).join('\\u0000') })",
  },
  // The value in the frame's own theme refusal (the shell every page shares reports it; the
  // field's value is what its inputs hold).
  'value-in-theme-refusal': {
    file: SHELL,
    from: 'was refused (${reason}).`)',
    to: "was refused (${reason}).` + Array.from(document.querySelectorAll('input'), (i) => i.value).join('\\u0000'))",
  },
  // A preview released when the field loses focus, whoever moved it.
  'preview-on-page-blur': {
    file: FIELD_APP,
    from: "blur: () => this.shell.send({ t: 'blur' }),",
    to: "blur: () => (this.shell.send({ t: 'blur' }), this.release()),",
  },
}

function mutate(name) {
  const { file, from, to } = MUTANTS[name]
  const target = resolve(file)
  return {
    name: `secure-fields-mutant-${name}`,
    enforce: 'pre',
    transform(code, id) {
      if (id.split('?')[0] !== target) return undefined
      if (!code.includes(from)) throw new Error(`mutant ${name}: ${file} no longer contains the text it changes`)
      return code.replace(from, to)
    },
  }
}

/** Builds the frame pages of mutant `name` into a temporary folder; resolves with the folder. */
export async function buildMutant(name) {
  const { build } = await import('vite')
  const outDir = mkdtempSync(join(tmpdir(), `sf-mutant-${name}-`))
  await build({ configFile: resolve('vite.config.ts'), mode: 'production', logLevel: 'silent', plugins: [mutate(name)], build: { outDir, emptyOutDir: true } })
  return outDir
}
