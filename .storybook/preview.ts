import type { Preview } from '@storybook/web-components-vite'
import { setCustomElementsManifest } from '@storybook/web-components-vite'
import manifest from '../custom-elements.json'
import { configure } from '../src/host/frame-url.js'
import '../src/host/define.js'

// Controls and autodocs come from the manifest generated from the elements' TSDoc.
setCustomElementsManifest(manifest)
configure({ frameOrigin: import.meta.env.STORYBOOK_SF_FRAME_BASE })

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
}

export default preview
