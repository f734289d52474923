/**
 * Storybook for designers: every element in every state, on the real frames. The preview (host)
 * runs on Storybook's server; the frames come from a frame origin server started beside it
 * (scripts/storybook.mjs), whose base URL and pinned demo key reach the stories through
 * STORYBOOK_SF_* environment variables.
 */
import type { StorybookConfig } from '@storybook/web-components-vite'

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts', '../stories/**/*.mdx'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  docs: { defaultName: 'Docs' },
}

export default config
