/**
 * Dark pages. A browser paints a frame opaque when its iframe's color scheme and its document's
 * differ, so a page that says `color-scheme: dark` used to get white boxes. Here, as painted:
 * every frame that follows the page stays transparent under every scheme (a pixel of the frame's
 * empty area is the page's background), renders in the page's scheme — following the user's
 * preference when the page says `light dark` — and each theme preset, on its own page background,
 * passes axe's contrast rules inside the frames.
 */
import { expect } from 'chai'
import { executeServerCommand } from '@web/test-runner-commands'
import { THEMES } from '../../src/host/themes.js'
import { cleanup, mountField } from '../support/host.js'
import { mountReveal } from '../support/reveal.js'
import { waitForFrame } from '../support/frame-probe.js'

const FIELDS = [
  { tag: 'secure-card-input', page: 'card', attributes: {} },
  { tag: 'secure-ssn-input', page: 'ssn', attributes: {} },
  { tag: 'secure-text-input', page: 'text', attributes: { preset: 'iban' } },
] as const

/** How a page asks for a scheme: a meta tag, or CSS on its root. */
function setPageScheme(how: 'meta' | 'css', scheme: string | null, background: string): void {
  document.querySelector('meta[name="color-scheme"]')?.remove()
  document.documentElement.style.removeProperty('color-scheme')
  if (scheme && how === 'meta') document.head.append(Object.assign(document.createElement('meta'), { name: 'color-scheme', content: scheme }))
  if (scheme && how === 'css') document.documentElement.style.setProperty('color-scheme', scheme)
  document.body.style.setProperty('background', background)
  document.body.style.setProperty('margin', '0')
}

/** The painted color (RGB) of the iframe's top right corner, where no frame content is drawn. */
async function cornerPixel(element: HTMLElement): Promise<number[]> {
  for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r))
  const r = element.shadowRoot!.querySelector('iframe')!.getBoundingClientRect()
  const clip = { x: Math.round(r.right) - 6, y: Math.round(r.top) + 2, width: 4, height: 4 }
  const png = (await executeServerCommand('sf-screenshot', { clip })) as string
  const image = new Image()
  image.src = `data:image/png;base64,${png}`
  await image.decode()
  const canvas = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height })
  const context = canvas.getContext('2d')!
  context.drawImage(image, 0, 0)
  return [...context.getImageData(1, 1, 1, 1).data.slice(0, 3)]
}

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))
const luminance = (css: string) => {
  const [r, g, b] = (/(\d+)\D+(\d+)\D+(\d+)/.exec(css) ?? []).slice(1).map(Number)
  return (r! + g! + b!) / 3
}

describe('dark pages: transparent frames in the page\'s color scheme, readable presets', function () {
  this.timeout(120000)
  afterEach(async () => {
    cleanup()
    setPageScheme('css', null, '')
    await executeServerCommand('sf-prefers-color-scheme', { value: null })
  })

  const PAGES: Array<{ name: string; how: 'meta' | 'css'; scheme: string | null; prefers?: 'dark' | 'light'; background: string; expect: 'light' | 'dark' }> = [
    { name: 'no color-scheme', how: 'css', scheme: null, background: '#f0f0f0', expect: 'light' },
    { name: 'no color-scheme, user prefers dark', how: 'css', scheme: null, prefers: 'dark', background: '#f0f0f0', expect: 'light' },
    { name: '<meta name="color-scheme" content="dark">', how: 'meta', scheme: 'dark', background: '#121417', expect: 'dark' },
    { name: ':root { color-scheme: dark }', how: 'css', scheme: 'dark', background: '#121417', expect: 'dark' },
    { name: 'color-scheme: light dark, user prefers dark', how: 'meta', scheme: 'light dark', prefers: 'dark', background: '#121417', expect: 'dark' },
    { name: 'color-scheme: light dark, user prefers light', how: 'meta', scheme: 'light dark', prefers: 'light', background: '#fafafa', expect: 'light' },
    { name: 'color-scheme: only light, user prefers dark', how: 'css', scheme: 'only light', prefers: 'dark', background: '#fafafa', expect: 'light' },
  ]

  for (const page of PAGES) {
    it(`${page.name}: every frame transparent, in the ${page.expect} scheme`, async () => {
      if (page.prefers) await executeServerCommand('sf-prefers-color-scheme', { value: page.prefers })
      setPageScheme(page.how, page.scheme, page.background)
      const elements: HTMLElement[] = []
      for (const spec of FIELDS) elements.push(await mountField(spec.tag, spec.attributes))
      elements.push(await mountReveal())
      for (const element of elements) {
        expect(await cornerPixel(element), `${element.localName} corner`).to.deep.equal(rgb(page.background))
        expect(element.shadowRoot!.querySelector('iframe')!.style.colorScheme, element.localName).to.equal(page.expect)
      }
      for (const spec of FIELDS) {
        // Its default text color follows the scheme: dark text on light pages, light on dark.
        const frame = await waitForFrame(spec.page, (f) => f.textColors.length > 0)
        const text = frame.textColors.map(luminance)
        expect(Math.min(...text) > 128, `${spec.page} text ${frame.textColors}`).to.equal(page.expect === 'dark')
      }
    })
  }

  it('follows the user switching to dark while the page is open (color-scheme: light dark)', async () => {
    setPageScheme('meta', 'light dark', '#121417')
    const card = await mountField('secure-card-input')
    expect(card.shadowRoot!.querySelector('iframe')!.style.colorScheme).to.equal('light')
    await executeServerCommand('sf-prefers-color-scheme', { value: 'dark' })
    await waitForFrame('card', (f) => f.textColors.every((c) => luminance(c) > 128))
    expect(card.shadowRoot!.querySelector('iframe')!.style.colorScheme).to.equal('dark')
    expect(await cornerPixel(card)).to.deep.equal(rgb('#121417'))
  })

  for (const [key, preset] of Object.entries(THEMES)) {
    it(`the ${key} preset on its page background: transparent frames, no axe violation inside them`, async () => {
      setPageScheme('css', preset.values['--sf-color-scheme'], preset.pageBackground)
      const elements: HTMLElement[] = []
      for (const spec of FIELDS) elements.push(await mountField(spec.tag, { ...spec.attributes, label: 'Label' }))
      elements.push(await mountReveal())
      for (const element of elements) {
        ;(element as HTMLElement & { theme: Record<string, string> }).theme = preset.values
        await (element as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete
      }
      await waitForFrame('card', (f) => f.textColors.includes(colorOf(preset.values['--sf-color-label'])))
      for (const element of elements) expect(await cornerPixel(element), `${element.localName} corner`).to.deep.equal(rgb(preset.pageBackground))
      const results = (await executeServerCommand('sf-frame-axe', { backdrop: preset.pageBackground })) as Array<{ url: string; violations: Array<{ id: string; nodes: string[] }> }>
      expect(results.map((r) => new URL(r.url).pathname).sort()).to.deep.equal(['/card.html', '/reveal.html', '/ssn.html', '/text.html'])
      const found = results.flatMap((r) => r.violations.map((v) => `${new URL(r.url).pathname}: ${v.id} ${v.nodes.join(' | ')}`))
      expect(found, found.join('\n')).to.deep.equal([])
    })
  }
})

/** `#rrggbb` as the `rgb(r, g, b)` getComputedStyle reports. */
function colorOf(hex: string): string {
  const [r, g, b] = rgb(hex)
  return `rgb(${r}, ${g}, ${b})`
}
