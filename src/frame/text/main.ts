/**
 * Entry of the text frame page (`text.html`): the IBAN, account and ID presets.
 *
 * @module
 */
import '../styles/field.css'
import { startFieldApp } from '../runtime/field-app.js'
import { enText } from '../i18n/en-text.js'
import { createTextView } from './text-view.js'

void startFieldApp('text', createTextView(), enText)
