/**
 * Entry of the consent gate frame page (`gate.html`).
 *
 * @module
 */
import '../styles/field.css'
import '../styles/gate.css'
import { startGateApp } from './gate-app.js'

void startGateApp()
