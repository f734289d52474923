/**
 * The gate page's DOM: title, purpose, policy link and version, the consent checkbox, the withdraw
 * button and two live regions. Built with elements and text nodes only (Trusted Types), from the
 * same strings whose digest goes into the receipt ({@link consentText}), so what is hashed is
 * exactly what is shown.
 *
 * @module
 */
import { consentText, type GateConfig, type GateRect } from '../../protocol/consent.js'
import type { Locale } from '../i18n/index.js'
import { h, uid } from '../runtime/dom.js'

/** The texts one configuration shows. */
export interface GateTexts {
  title: string
  purpose: string
  /** The link's text followed by the new-window hint. */
  policy: string
  version: string
  agree: string
}

/** The gate's DOM and its few operations. */
export class GateView {
  readonly root = h('main', { class: 'sf-root sf-gate' })
  /** The consent control: a native checkbox, so keyboard and assistive technology work as usual. */
  readonly agree = h('input', { type: 'checkbox', class: 'sf-gate-checkbox', id: uid('sf-agree') })
  readonly withdraw = h('button', { type: 'button', class: 'sf-gate-withdraw sf-gate-away' })
  private readonly title = h('h2', { class: 'sf-gate-title' })
  private readonly purpose = h('p', { class: 'sf-gate-purpose' })
  private readonly link = h('a', { class: 'sf-gate-link', target: '_blank', rel: 'noopener noreferrer', referrerpolicy: 'no-referrer' })
  private readonly linkHint = h('span', { class: 'sf-gate-hint' })
  private readonly version = h('span', { class: 'sf-gate-version' })
  private readonly label = h('label', { class: 'sf-gate-label', for: this.agree.id })
  private readonly status = h('div', { class: 'sf-gate-status', 'aria-live': 'polite' })
  private readonly alert = h('div', { class: 'sf-gate-alert', 'aria-live': 'assertive', role: 'alert' })

  constructor() {
    const policy = h('p', { class: 'sf-gate-policy' }, this.link, ' ', this.linkHint, ' ', this.version)
    const agreeRow = h('div', { class: 'sf-gate-agree' }, this.agree, this.label)
    this.root.append(this.title, this.purpose, policy, agreeRow, this.status, this.alert, this.withdraw)
    document.body.append(this.root)
  }

  /** The texts of a configuration in a locale. */
  static texts(config: GateConfig, locale: Locale): GateTexts {
    return {
      title: locale.t('consent.title'),
      purpose: config.purpose,
      policy: `${locale.t('consent.policy')} ${locale.t('consent.opens-new-window')}`,
      version: config.policyVersion ? locale.t('consent.version', { v: config.policyVersion }) : '',
      agree: locale.t('consent.agree'),
    }
  }

  /** Shows a configuration; `policyUrl` is the checked URL, or undefined to show no link. */
  render(config: GateConfig, locale: Locale, policyUrl: string | undefined): string {
    const texts = GateView.texts(config, locale)
    this.title.textContent = texts.title
    this.purpose.textContent = texts.purpose
    this.link.textContent = locale.t('consent.policy')
    this.linkHint.textContent = locale.t('consent.opens-new-window')
    if (policyUrl) this.link.setAttribute('href', policyUrl)
    else this.link.removeAttribute('href')
    this.version.textContent = texts.version
    this.label.textContent = texts.agree
    this.withdraw.textContent = locale.t('consent.withdraw')
    return consentText(texts)
  }

  /**
   * Shows consent given (ticked, a status line, the withdraw button) or not. Nothing moves: the
   * status line and the button keep their space (`visibility` only), so the fields below never
   * shift under the customer's pointer or focus, and the gate never reads as clipped while its
   * frame is resized. The box stays enabled (unticking it withdraws), and focus leaves the
   * withdraw button before it goes, so the browser never has to move focus itself.
   */
  showConsented(consented: boolean, locale: Locale): void {
    this.agree.checked = consented
    if (!consented && document.activeElement === this.withdraw) this.agree.focus()
    this.withdraw.classList.toggle('sf-gate-away', !consented)
    this.status.textContent = consented ? locale.t('consent.given') : ''
    if (consented) this.alert.textContent = ''
  }

  /** Announces why a gesture was refused (assertive: the customer just acted). */
  announce(text: string): void {
    // Same text twice in a row must be announced again: clear first, set on the next frame.
    this.alert.textContent = ''
    requestAnimationFrame(() => (this.alert.textContent = text))
  }

  /** Where the controls are in the frame's viewport (for guided tours and tests). */
  controls(): { agree: GateRect | null; withdraw: GateRect | null } {
    const rect = (el: HTMLElement): GateRect | null => {
      if (el.classList.contains('sf-gate-away')) return null
      const r = el.getBoundingClientRect()
      return { x: r.x, y: r.y, width: r.width, height: r.height }
    }
    return { agree: rect(this.agree), withdraw: rect(this.withdraw) }
  }
}
