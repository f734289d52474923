/**
 * Helpers for browser tests of `<consent-gate>`: mount a gate against the test frame origin, wait
 * for its state, and use its controls with real input — the mouse (`sendMouse`), a finger or a pen
 * (the DevTools protocol's `Input` domain) — at the page coordinates of the control: the iframe's
 * box plus the position the gate frame reports.
 */
import { executeServerCommand, resetMouse, sendMouse } from '@web/test-runner-commands'
import type { ConsentGate } from '../../src/host/consent-gate.js'
import type { GateState } from '../../src/protocol/consent.js'
import type { SecureCardInput } from '../../src/host/secure-card-input.js'
import type { SecureConsentDetail } from '../../src/host/events.js'
import { cleanup, mountField, nextEvent, testConfig } from './host.js'

/** Default gate attributes of the tests. */
export const GATE = { purpose: 'Verify your identity', policyUrl: 'https://example.com/privacy', policyVersion: '2026-03' } as const

/** Creates a `<consent-gate>` on the test frame origin and waits for its first state. */
export async function mountGate(attributes: Record<string, string | null> = {}, parent: Element = document.body): Promise<ConsentGate> {
  const cfg = await testConfig()
  const gate = document.createElement('consent-gate')
  const all: Record<string, string | null> = {
    'frame-origin': cfg.frameBase,
    purpose: GATE.purpose,
    'policy-url': GATE.policyUrl,
    'policy-version': GATE.policyVersion,
    ...attributes,
  }
  for (const [name, value] of Object.entries(all)) if (value !== null) gate.setAttribute(name, value)
  const ready = nextEvent(gate, 'secure-ready')
  parent.append(gate)
  await ready
  return gate
}

/** A gate with a card inside, the card locked (its frame bound to the gate). */
export async function mountGatedCard(gateAttributes: Record<string, string | null> = {}, cardAttributes: Record<string, string | null> = {}) {
  const gate = await mountGate(gateAttributes)
  const card = await mountField<SecureCardInput>('secure-card-input', cardAttributes, gate)
  return { gate, card }
}

/** Waits until the gate's reported state satisfies `predicate` (checks the current state first). */
export async function waitForGate(gate: ConsentGate, predicate: (s: GateState) => boolean, timeout = 15000): Promise<GateState> {
  if (predicate(gate.state)) return gate.state
  // Visibility and consent changes are events; the controls' positions arrive with them.
  await nextEvent(gate, 'secure-gate-change', () => predicate(gate.state), timeout)
  return gate.state
}

/** The page coordinates of the middle of a gate control (on a scaled gate too). */
export function controlPoint(gate: ConsentGate, control: 'agree' | 'withdraw'): [number, number] {
  const frame = gate.shadowRoot!.querySelector('iframe')!
  const box = frame.getBoundingClientRect()
  const scale = box.width / frame.offsetWidth
  const c = gate.state.controls[control]
  if (!c) throw new Error(`the gate shows no ${control} control`)
  return [Math.round(box.x + (c.x + c.width / 2) * scale), Math.round(box.y + (c.y + c.height / 2) * scale)]
}

/** The page coordinates of a point in the gate away from its controls: on its title. */
export function titlePoint(gate: ConsentGate): [number, number] {
  const box = frameBox(gate)
  return [Math.round(box.x + box.width / 2), Math.round(box.y + 16)]
}

const frameBox = (gate: ConsentGate) => gate.shadowRoot!.querySelector('iframe')!.getBoundingClientRect()

/** One step of real input played through the DevTools protocol (test/support/wtr-commands.mjs). */
export type InputStep =
  | { touch: 'start' | 'move' | 'end'; x?: number; y?: number }
  | { pen: 'move' | 'down' | 'up'; x: number; y: number }
  | { mouse: 'move' | 'down' | 'up'; x: number; y: number }
  | { wait: number }

/** Plays real input steps (touch, pen, mouse) as the browser's own input does. */
export async function playInput(steps: InputStep[]): Promise<void> {
  await executeServerCommand('sf-input', { steps })
}

let touchScreen = false

/** Turns the page into a touch screen (touch events, taps) until the test's cleanup. */
export async function useTouchScreen(): Promise<void> {
  await executeServerCommand('sf-touch-emulation', { enabled: true })
  touchScreen = true
}

/**
 * Clicks a gate control with the real mouse, as a customer does: the pointer comes across the gate
 * (from its title) onto the control, and clicks `after` ms later (0: at once). By default it first
 * waits until the gate reports itself visible (armed).
 */
export async function clickControl(gate: ConsentGate, control: 'agree' | 'withdraw', { waitVisible = true, after = 0 } = {}): Promise<void> {
  if (waitVisible) await waitForGate(gate, (s) => s.visible && s.controls[control] !== null)
  const position = await bringMouse(gate, control)
  if (after) await new Promise((r) => setTimeout(r, after))
  await sendMouse({ type: 'click', position })
}

/** Moves the real mouse across the gate (from its title) onto a control; resolves with where it rests. */
export async function bringMouse(gate: ConsentGate, control: 'agree' | 'withdraw'): Promise<[number, number]> {
  const [x, y] = controlPoint(gate, control)
  const [tx, ty] = titlePoint(gate)
  await sendMouse({ type: 'move', position: [tx, ty] })
  await sendMouse({ type: 'move', position: [Math.round((tx + x) / 2), Math.round((ty + y) / 2)] })
  await sendMouse({ type: 'move', position: [x, y] })
  return [x, y]
}

/** Taps a gate control with a finger (the page must be a touch screen: {@link useTouchScreen}), held `hold` ms. */
export async function tapControl(gate: ConsentGate, control: 'agree' | 'withdraw', { waitVisible = true, hold = 0 } = {}): Promise<void> {
  if (waitVisible) await waitForGate(gate, (s) => s.visible && s.controls[control] !== null)
  const [x, y] = controlPoint(gate, control)
  await playInput([{ touch: 'start', x, y }, ...(hold ? [{ wait: hold }] : []), { touch: 'end' }])
}

/** Clicks "I agree" for real and resolves with the `secure-consent` detail. */
export async function consentFor(gate: ConsentGate) {
  const consent = nextEvent<SecureConsentDetail>(gate, 'secure-consent')
  await clickControl(gate, 'agree')
  return consent
}

/** After each gate test: release the mouse (it may rest over a control), leave touch, empty the page. */
export async function cleanupGates(): Promise<void> {
  await resetMouse()
  if (touchScreen) await executeServerCommand('sf-touch-emulation', { enabled: false })
  touchScreen = false
  cleanup()
}
