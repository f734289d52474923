/**
 * Reading and rewriting the text of a chat composer — an `<input>`, a `<textarea>` or a
 * contenteditable element — for the composer guard. Replacements keep the caret where the customer
 * left it and tell the page's framework (React, Vue, a rich-text editor) through the events it
 * already listens to.
 *
 * @module
 */
import { isTextControl, type TextControl } from './text-control.js'

/** A range of the composer's text and what replaces it. */
export interface Replacement {
  start: number
  end: number
  text: string
}


/** Elements after which a contenteditable's text starts a new line. */
const BLOCKS = new Set(['ADDRESS', 'BLOCKQUOTE', 'DIV', 'DD', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR', 'LI', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL'])

/** A contenteditable's text, with each text node's place in it. */
interface EditableText {
  text: string
  nodes: Array<{ node: Text; start: number }>
}

/**
 * The text of a contenteditable as the detector should read it: its text nodes in order, with a
 * line break for each `<br>` and between blocks, so that two lines are never read as one number.
 */
function editableText(root: HTMLElement): EditableText {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT)
  const nodes: EditableText['nodes'] = []
  let text = ''
  const lineBreak = () => {
    if (text !== '' && !text.endsWith('\n')) text += '\n'
  }
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Text) {
      nodes.push({ node, start: text.length })
      text += node.data
    } else if (node instanceof Element && (node.tagName === 'BR' || BLOCKS.has(node.tagName))) {
      lineBreak()
    }
  }
  return { text, nodes }
}

/** The text of `composer`, as the detector should read it. */
export function composerText(composer: HTMLElement): string {
  return isTextControl(composer) ? composer.value : editableText(composer).text
}

/** The text node and offset at `index` of the contenteditable's text (the end of a node wins at a border). */
function position(nodes: EditableText['nodes'], index: number, preferEnd: boolean): { node: Text; offset: number } | undefined {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const { node, start } = nodes[i]!
    const inside = preferEnd ? index > start && index <= start + node.data.length : index >= start && index < start + node.data.length
    if (inside) return { node, offset: index - start }
  }
  return undefined
}

/** Tells the page's framework that the text changed, as a browser's own replacement would. */
function announceChange(composer: HTMLElement): void {
  composer.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertReplacementText' }))
}

function replaceInControl(control: TextControl, replacements: readonly Replacement[]): void {
  // From the last to the first, so earlier offsets stay valid; 'preserve' keeps the caret where
  // the customer left it, moved by the change in length before it.
  for (const r of [...replacements].sort((a, b) => b.start - a.start)) control.setRangeText(r.text, r.start, r.end, 'preserve')
}

function replaceInEditable(root: HTMLElement, replacements: readonly Replacement[]): void {
  const doc = root.ownerDocument
  const selection = doc.getSelection()
  const focused = root.contains(doc.activeElement) || doc.activeElement === root
  for (const r of [...replacements].sort((a, b) => b.start - a.start)) {
    // Positions are read again for each replacement: the one before changed the nodes.
    const { nodes } = editableText(root)
    const from = position(nodes, r.start, false)
    const to = position(nodes, r.end, true)
    if (!from || !to) continue
    const range = doc.createRange()
    range.setStart(from.node, from.offset)
    range.setEnd(to.node, to.offset)
    // Through the editing command where the composer has focus: rich-text editors (ProseMirror,
    // Lexical, Slate…) keep their model in step with it and put it on their undo stack.
    if (focused && selection) {
      selection.removeAllRanges()
      selection.addRange(range)
      if (doc.execCommand('insertText', false, r.text)) continue
    }
    range.deleteContents()
    range.insertNode(doc.createTextNode(r.text))
    root.normalize()
  }
  if (!focused) announceChange(root)
}

/**
 * Replaces ranges of the composer's text (indices of {@link composerText}) and tells the page: an
 * `input` event (`insertReplacementText`) for an `<input>`/`<textarea>` and for a contenteditable
 * without focus; with focus, a contenteditable is edited through `insertText`, which fires its own.
 */
export function replaceText(composer: HTMLElement, replacements: readonly Replacement[]): void {
  if (replacements.length === 0) return
  if (isTextControl(composer)) {
    replaceInControl(composer, replacements)
    announceChange(composer)
  } else {
    replaceInEditable(composer, replacements)
  }
}

/** Puts the caret at the end of a contenteditable (a text control keeps its own on focus). */
export function caretToEnd(composer: HTMLElement): void {
  if (isTextControl(composer)) return
  const selection = composer.ownerDocument.getSelection()
  if (!selection) return
  const range = composer.ownerDocument.createRange()
  range.selectNodeContents(composer)
  range.collapse(false)
  selection.removeAllRanges()
  selection.addRange(range)
}
