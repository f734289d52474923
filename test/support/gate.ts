/**
 * Helpers for browser tests of `<consent-gate>`: mount a gate against the test frame origin, wait
 * for its state, and click its controls with a real mouse (`sendMouse`) at the page coordinates
 * of the control — the iframe's box plus the position the gate frame reports.
 */
import { resetMouse, sendMouse } from '@web/test-runner-commands'
import { DWELL_MS } from '../../src/frame/gate/pointer-dwell.js'
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

/** The page coordinates of the middle of a gate control. */
export function controlPoint(gate: ConsentGate, control: 'agree' | 'withdraw'): [number, number] {
  const box = gate.shadowRoot!.querySelector('iframe')!.getBoundingClientRect()
  const c = gate.state.controls[control]
  if (!c) throw new Error(`the gate shows no ${control} control`)
  return [Math.round(box.x + c.x + c.width / 2), Math.round(box.y + c.y + c.height / 2)]
}

/**
 * Clicks a gate control with the real mouse, as a customer does: the pointer moves onto the
 * control, rests there a moment (the gate ignores a click from a pointer that just arrived), then
 * clicks. By default it first waits until the gate reports itself visible (armed).
 */
export async function clickControl(gate: ConsentGate, control: 'agree' | 'withdraw', { waitVisible = true, dwell = DWELL_MS + 150 } = {}): Promise<void> {
  if (waitVisible) await waitForGate(gate, (s) => s.visible && s.controls[control] !== null)
  const position = controlPoint(gate, control)
  await sendMouse({ type: 'move', position })
  await new Promise((r) => setTimeout(r, dwell))
  await sendMouse({ type: 'click', position })
}

/** Clicks "I agree" for real and resolves with the `secure-consent` detail. */
export async function consentFor(gate: ConsentGate) {
  const consent = nextEvent<SecureConsentDetail>(gate, 'secure-consent')
  await clickControl(gate, 'agree')
  return consent
}

/** After each gate test: release the mouse (it may rest over a control) and empty the page. */
export async function cleanupGates(): Promise<void> {
  await resetMouse()
  cleanup()
}
