/**
 * The single-file loader (`secure-fields.js`), served from the frame origin: one script tag
 * defines every element, and elements find their frames beside this file.
 *
 * @module
 */
import './define.js'

export { configure } from './frame-url.js'
export * from './index.js'
