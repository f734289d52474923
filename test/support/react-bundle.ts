// Entry of the one bundle the React test loads (React ships CommonJS only): React, its DOM client
// and this package's React components, bundled together so there is one React.
import * as React from 'react'
export { React }
export { createRoot } from 'react-dom/client'
export * as SecureReact from '../../src/react/index.js'
export * as SecureReactAgent from '../../src/react/agent.js'
