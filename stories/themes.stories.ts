/**
 * The theme page for designers: the allow-listed custom properties (src/protocol/theme.ts,
 * docs/theming.md) and the four presets the package exports (`THEMES`, src/host/themes.ts) — light,
 * dark and two brands — side by side on real frames. Copy a preset's values into your CSS, or set
 * them as `theme`.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite'
import { THEME_PROPERTIES } from '../src/protocol/theme.js'
import { field } from './support.js'
import { THEMES, type ThemePreset } from '../src/host/themes.js'

const meta: Meta = { title: 'Themes' }
export default meta

type Story = StoryObj

function column(preset: ThemePreset): HTMLElement {
  const section = document.createElement('section')
  section.className = 'sf-story-theme'
  section.style.setProperty('background', preset.pageBackground)
  // The frames follow the page's color scheme (and stay transparent under it).
  section.style.setProperty('color-scheme', preset.values['--sf-color-scheme'])
  section.style.setProperty('color', preset.values['--sf-color-text'])
  const heading = document.createElement('h2')
  heading.textContent = preset.name
  const card = field('secure-card-input', { label: 'Card', theme: preset.values, frameTitle: `Card, ${preset.name}`, demo: { number: '4242 4242 4242 4241' }, expectCode: 'card.number.invalid' })
  const ssn = field('secure-ssn-input', { label: 'Social Security number', theme: preset.values, frameTitle: `SSN, ${preset.name}`, demo: { value: '123-45-6789' } })
  section.append(heading, card, ssn)
  return section
}

/** Light, dark and two brand presets side by side: an error and a complete value in each. */
export const Presets: Story = {
  render: () => {
    const row = document.createElement('div')
    row.className = 'sf-story-themes'
    row.append(...Object.values(THEMES).map(column))
    return row
  },
}

/** Every allow-listed property and its value in each preset. */
export const Reference: Story = {
  render: () => {
    const table = document.createElement('table')
    table.className = 'sf-story-table'
    const caption = table.createCaption()
    caption.textContent = 'Allow-listed custom properties (anything else is refused: ERR_THEME_REFUSED)'
    const head = table.createTHead().insertRow()
    for (const text of ['Property', ...Object.values(THEMES).map((t) => t.name)]) {
      const th = document.createElement('th')
      th.scope = 'col'
      th.textContent = text
      head.append(th)
    }
    const body = table.createTBody()
    for (const property of THEME_PROPERTIES) {
      const row = body.insertRow()
      const th = document.createElement('th')
      th.scope = 'row'
      const code = document.createElement('code')
      code.textContent = property
      th.append(code)
      row.append(th)
      for (const preset of Object.values(THEMES)) row.insertCell().textContent = preset.values[property]
    }
    return table
  },
}
