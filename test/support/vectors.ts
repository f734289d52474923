/**
 * Loads a file of `test/vectors/` in Node (from disk) and in the browser (from the test server),
 * so the same crypto tests run in both.
 */
export async function loadVectorText(name: string): Promise<string> {
  if (typeof window === 'undefined') {
    // A variable specifier keeps the browser bundler from resolving a Node built-in.
    const fsModule = 'node:fs/promises'
    const { readFile } = (await import(fsModule)) as typeof import('node:fs/promises')
    return readFile(new URL(`../vectors/${name}`, import.meta.url), 'utf8')
  }
  const response = await fetch(new URL(`../vectors/${name}`, import.meta.url))
  if (!response.ok) throw new Error(`cannot load vector ${name}: ${response.status}`)
  return response.text()
}

/** Loads and parses a JSON file of `test/vectors/`. */
export async function loadVectorJson<T = unknown>(name: string): Promise<T> {
  return JSON.parse(await loadVectorText(name)) as T
}

/** Hex to bytes. */
export function hex(text: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(text.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16)
  return out
}

/** Bytes to hex. */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
