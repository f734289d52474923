/**
 * Entry of the reveal desk frame page (`reveal.html`).
 *
 * @module
 */
import '../styles/field.css'
import '../styles/reveal.css'
import { startRevealApp } from './reveal-app.js'

void startRevealApp()
