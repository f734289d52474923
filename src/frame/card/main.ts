/**
 * Entry of the card frame page (`card.html`).
 *
 * @module
 */
import '../styles/field.css'
import { startFieldApp } from '../runtime/field-app.js'
import { enCard } from '../i18n/en-card.js'
import { createCardView } from './card-view.js'

void startFieldApp('card', createCardView(), enCard)
