// A vendor's chat widget: a customer page, the same in React, and an agent console.
import { defineConfig } from 'vite'

export default defineConfig({
  build: {
    rollupOptions: { input: { index: 'index.html', react: 'react.html', agent: 'agent.html' } },
  },
})
