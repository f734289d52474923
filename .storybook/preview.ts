import type { Preview } from '@storybook/web-components-vite'
import { setCustomElementsManifest } from '@storybook/web-components-vite'
import manifest from '../custom-elements.json'
import { configure } from '../src/host/frame-url.js'
import { defineSecureFields } from '../src/host/define.js'
import { defineSecureReveal } from '../src/host/secure-reveal.js'
import '../stories/story.css'

// Controls and autodocs come from the manifest generated from the elements' TSDoc
// (scripts/storybook.mjs runs `cem analyze` first).
setCustomElementsManifest(manifest)
// Called, not just imported: the package's `sideEffects` list names the built files only, so a
// bare import of the source would be dropped from the bundle.
defineSecureFields()
defineSecureReveal()
// Every element loads its frames from the demo frame origin that scripts/storybook.mjs runs.
configure({ frameOrigin: import.meta.env.STORYBOOK_SF_FRAME_BASE })

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
    // Axe runs on the host page; inside the frames (another origin) the Storybook test runs it
    // (test/storybook/stories.test.ts).
    a11y: { test: 'error' },
  },
}

export default preview
