/**
 * Entry of the SSN frame page (`ssn.html`).
 *
 * @module
 */
import '../styles/field.css'
import { startFieldApp } from '../runtime/field-app.js'
import { enSsn } from '../i18n/en-ssn.js'
import { createSsnView } from './ssn-view.js'

void startFieldApp('ssn', createSsnView(), enSsn)
