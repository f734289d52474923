/**
 * The gate page's DOM: the consent box (title, purpose, policy link and version, the consent
 * checkbox) and below it the room for what follows (the status line, the withdraw button, and the
 * warning when a gesture is refused — one place, so a warning does not resize the frame). Built
 * with elements and text nodes only (Trusted Types), from the same strings whose digest goes into
 * the receipt ({@link consentText}), so what is hashed is exactly what is shown.
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
  /**
   * What the customer must see to consent: title, purpose, policy link, checkbox and label. Its
   * visibility is what counts (`visibility.ts`), not the room reserved below it.
   */
  readonly box = h('div', { class: 'sf-gate-box' })
  /** The consent control: a native checkbox, so keyboard and assistive technology work as usual. */
  readonly agree = h('input', { type: 'checkbox', class: 'sf-gate-checkbox', id: uid('sf-agree') })
  readonly withdraw = h('button', { type: 'button', class: 'sf-gate-withdraw sf-gate-away' })
  private readonly title = h('h2', { class: 'sf-gate-title' })
  private readonly purpose = h('p', { class: 'sf-gate-purpose' })
  /** The policy link: a tap on the checkbox must land clear of it (`gesture-rules.ts`). */
  readonly link = h('a', { class: 'sf-gate-link', target: '_blank', rel: 'noopener noreferrer', referrerpolicy: 'no-referrer' })
  private readonly linkHint = h('span', { class: 'sf-gate-hint' })
  private readonly version = h('span', { class: 'sf-gate-version' })
  /** The checkbox's label: a click on it is a click on the checkbox. */
  readonly label = h('label', { class: 'sf-gate-label', for: this.agree.id })
  /** The row of the consent control (the checkbox and its label), in its panel. */
  private readonly agreeRow = h('div', { class: 'sf-gate-agree' }, this.agree, this.label)
  private readonly status = h('div', { class: 'sf-gate-status', 'aria-live': 'polite' })
  private readonly alert = h('div', { class: 'sf-gate-alert', 'aria-live': 'assertive', role: 'alert' })

  constructor() {
    const policy = h('p', { class: 'sf-gate-policy' }, this.link, ' ', this.linkHint, ' ', this.version)
    this.box.append(this.title, this.purpose, policy, this.agreeRow)
    const given = h('div', { class: 'sf-gate-given' }, this.status, this.withdraw)
    // The warning first: the status line and the withdraw button, drawn over it, stay clickable.
    this.root.append(this.box, h('div', { class: 'sf-gate-foot' }, this.alert, given))
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

  /**
   * Whether the consent box lies wholly inside the frame's viewport: a page cannot make the frame
   * so small, or scroll it (a `#fragment` in its URL), that the purpose is cut off while the
   * checkbox shows. The room below the box may be cut off: it holds nothing to agree to.
   */
  boxInView(): boolean {
    const r = this.box.getBoundingClientRect()
    return r.top >= -0.5 && r.left >= -0.5 && r.bottom <= innerHeight + 0.5 && r.right <= innerWidth + 0.5
  }

  /** Announces why a gesture was refused (assertive: the customer just acted). */
  announce(text: string): void {
    // Same text twice in a row must be announced again: clear first, set on the next frame.
    this.alert.textContent = ''
    requestAnimationFrame(() => (this.alert.textContent = text))
  }

  /** Where the controls are in the frame's viewport (for guided tours and tests). */
  controls(): { agree: GateRect | null; withdraw: GateRect | null } {
    return { agree: rectOf(this.agree), withdraw: rectOf(this.withdraw) }
  }

  /** Where the consent box is in the frame's viewport. */
  boxRect(): GateRect {
    return rectOf(this.box)!
  }
}

/** An element's box in the viewport; `null` for one kept out of sight (`sf-gate-away`). */
function rectOf(el: HTMLElement): GateRect | null {
  if (el.classList.contains('sf-gate-away')) return null
  const r = el.getBoundingClientRect()
  return { x: r.x, y: r.y, width: r.width, height: r.height }
}
