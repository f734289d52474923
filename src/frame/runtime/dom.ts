/**
 * Tiny DOM builders for frames. Frames run under Trusted Types (`require-trusted-types-for
 * 'script'`): no HTML strings, only elements and text nodes.
 *
 * @module
 */

/** Creates an element with attributes and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '')
    else if (typeof value === 'string') element.setAttribute(name, value)
  }
  element.append(...children)
  return element
}

let counter = 0
/** A document-unique id for label/description links. */
export function uid(prefix: string): string {
  return `${prefix}-${++counter}`
}
