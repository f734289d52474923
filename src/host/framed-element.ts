/**
 * What every Secure Fields element shares on the page: the attributes that say where its frame
 * comes from and how it looks (`frame-origin`, `frame-title`, `locale`, `theme`), the shadow root
 * the iframe sits in, and the read-only views of its {@link FrameController}, which does all the
 * frame's work. The field base class, the consent gate and the reveal desk extend it.
 *
 * @module
 */
import { LitElement, css, html, type CSSResultGroup, type PropertyDeclarations, type TemplateResult } from 'lit'
import type { FrameController } from './frame-controller.js'

/**
 * Base class of the elements that own a frame.
 *
 * @csspart frame - the iframe
 * @cssprop --sf-frame-initial-height - the iframe's height before the frame reports its own
 */
export abstract class FramedElement extends LitElement {
  // Subclasses declare only their own: Lit merges a class's properties with its superclass's.
  static override properties: PropertyDeclarations = {
    locale: { type: String },
    frameOrigin: { type: String, attribute: 'frame-origin' },
    frameTitle: { type: String, attribute: 'frame-title' },
    theme: { attribute: false },
  }

  // The iframe's color-scheme is set to its frame's own (see FrameController), light until then;
  // the slot's color reads the page's used scheme (CanvasText: black in light, white in dark).
  static override styles: CSSResultGroup = css`
    :host {
      display: block;
    }
    :host([hidden]) {
      display: none;
    }
    iframe {
      display: block;
      width: 100%;
      height: var(--sf-frame-initial-height, 4.5em);
      border: 0;
      color-scheme: light;
      background: transparent;
    }
    .frame-slot {
      color: CanvasText;
    }
  `

  /** Message language (`en`, `es`, `fr`, `de`, `ar`); default: the closest `lang` attribute. */
  declare locale: string
  /** Base URL of the frame origin; default: beside the loader script. */
  declare frameOrigin: string
  /** Accessible title of the iframe. */
  declare frameTitle: string
  /** Theme overrides (allow-listed `--sf-*` properties); merged over the CSS custom properties. */
  declare theme: Record<string, string>

  /**
   * The element's frame: its life, configuration, readiness, height, errors and waiters.
   * @internal
   */
  protected abstract readonly frame: FrameController<{ t: string }, { t: string }>

  constructor() {
    super()
    this.locale = ''
    this.frameOrigin = ''
    this.frameTitle = ''
    this.theme = {}
  }

  /** Whether the frame is connected and shows a working element (after `secure-ready`). */
  get isReady(): boolean {
    return this.frame.isReady
  }

  /** Messages from the frame that failed the protocol guards (a diagnostic; should stay 0). */
  get droppedMessages(): number {
    return this.frame.droppedMessages
  }

  /**
   * Re-reads the `--sf-*` custom properties and the page's color scheme (call after changing them
   * in CSS, e.g. when the page switches to dark). A change of the user's preferred scheme is
   * picked up by itself.
   */
  refreshTheme(): void {
    this.frame.configure()
  }

  protected override render(): TemplateResult {
    return html`<div class="frame-slot"></div>`
  }
}
