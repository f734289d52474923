// The agent console: the desk from the agent entry, which loads none of the customer elements.
import { configure, SecureReveal, SHOW_FOR } from 'secure-fields/agent'
import { frameOrigin } from './setup.js'

configure({ frameOrigin })
const desk = new SecureReveal()
desk.desk = 'vendor-desk'
desk.showFor = SHOW_FOR.default
desk.addEventListener('secure-ready', () => (document.body.dataset.ready = 'true'))
document.querySelector('#app')!.append(desk)
