/**
 * The consent gate's rules for pointer gestures, as properties over what the frame saw: a person's
 * tap, click or pen press counts at once however long they rested; any sign that the gate (or its
 * text) moved under the pointer shortly before or during the press refuses it.
 */
import { expect } from 'chai'
import fc from 'fast-check'
import { EDGE_PX, judgePointerClick, SAME_PLACE_PX, STABLE_MS, type Placement, type PointerKind, type PointerSample, type Sample } from '../../src/frame/gate/gesture-rules.js'

const placement = fc.record({ x: fc.integer({ min: -2000, max: 2000 }), y: fc.integer({ min: -2000, max: 2000 }), epoch: fc.nat(5) })
/** A placement that is not `at`: moved by more than the rounding slack, or a new layout. */
const elsewhere = (at: Placement) =>
  fc.oneof(
    fc.record({ dx: fc.integer({ min: SAME_PLACE_PX + 1, max: 400 }), sign: fc.constantFrom(-1, 1), axis: fc.constantFrom('x', 'y') }).map(({ dx, sign, axis }) => ({ ...at, [axis]: at[axis as 'x' | 'y'] + sign * dx })),
    fc.constant({ ...at, epoch: at.epoch + 1 }),
  )
/** The 1 px a touch's compatibility click may round apart from its pointer events. */
const rounding = (at: Placement) => fc.record({ dx: fc.integer({ min: -1, max: 1 }), dy: fc.integer({ min: -1, max: 1 }) }).map(({ dx, dy }) => ({ ...at, x: at.x + dx, y: at.y + dy }))

const sample = (type: PointerSample['type'], kind: PointerKind, time: number, at: Placement, onControl: boolean, extra: Partial<PointerSample> = {}): PointerSample => ({
  type,
  kind,
  time,
  at,
  onControl,
  clearance: 0,
  ...extra,
})

/** A tap: the finger lands on the control (with `clearance`), lifts, and the click follows. */
function tap(at: Placement, time: number, clearance: number, hold = 0): Sample[] {
  return [sample('over', 'touch', time, at, true), sample('down', 'touch', time, at, true, { clearance }), sample('up', 'touch', time + hold, at, true), sample('out', 'touch', time + hold, at, true, { left: true })]
}

/** A mouse or pen coming across the gate onto the control, resting `rest` ms, then pressing. */
function crossThenPress(kind: 'mouse' | 'pen', at: Placement, start: number, rest: number): Sample[] {
  return [
    sample('over', kind, start, at, false),
    sample('move', kind, start, at, false),
    sample('move', kind, start + 8, at, false),
    sample('over', kind, start + 16, at, true),
    sample('move', kind, start + 16, at, true),
    sample('down', kind, start + 16 + rest, at, true),
    sample('up', kind, start + 16 + rest + 60, at, true),
  ]
}

/** Earlier samples the frame saw long enough before `before` (no bearing on the press). */
const history = (before: number) =>
  fc.array(
    fc.record({ at: placement, ago: fc.integer({ min: STABLE_MS, max: 20_000 }), kind: fc.constantFrom<PointerKind>('mouse', 'pen', 'touch'), type: fc.constantFrom<PointerSample['type']>('over', 'move', 'out') }),
    { maxLength: 6 },
  ).map((list) => list.map(({ at, ago, kind, type }) => sample(type, kind, before - ago, at, false)).sort((a, b) => a.time - b.time))

const START = 100_000

describe('frame/gate: gesture rules', () => {
  it('a tap on the control clear of the edges and the link counts at once, long press too', () => {
    fc.assert(
      fc.property(placement, fc.integer({ min: EDGE_PX, max: 400 }), fc.integer({ min: 0, max: 1500 }), history(START), (at, clearance, hold, before) => {
        expect(judgePointerClick([...before, ...tap(at, START, clearance, hold)], { kind: 'touch', at })).to.equal(undefined)
      }),
    )
    // The compatibility click may round 1 px apart from the touch's pointer events.
    fc.assert(fc.property(placement.chain((at) => fc.tuple(fc.constant(at), rounding(at))), ([at, clickAt]) => judgePointerClick(tap(at, START, EDGE_PX), { kind: 'touch', at: clickAt }) === undefined))
  })

  it('a tap closer than EDGE_PX to the frame edge or the link is refused as moved', () => {
    fc.assert(
      fc.property(placement, fc.double({ min: 0, max: EDGE_PX, maxExcluded: true, noNaN: true }), (at, clearance) => {
        expect(judgePointerClick(tap(at, START, clearance), { kind: 'touch', at })).to.equal('moved')
      }),
    )
  })

  it('a mouse or pen brought across the gate counts at once, or after any rest', () => {
    fc.assert(
      fc.property(fc.constantFrom<'mouse' | 'pen'>('mouse', 'pen'), placement, fc.integer({ min: 0, max: 5000 }), history(START), (kind, at, rest, before) => {
        expect(judgePointerClick([...before, ...crossThenPress(kind, at, START, rest)], { kind, at })).to.equal(undefined)
      }),
    )
  })

  it('a mouse or pen first seen on the control counts only once it has been over the gate for STABLE_MS', () => {
    fc.assert(
      fc.property(fc.constantFrom<'mouse' | 'pen'>('mouse', 'pen'), placement, fc.integer({ min: 0, max: 3 * STABLE_MS }), fc.boolean(), (kind, at, rest, jitter) => {
        // It appears on the control (the gate came to it, or it jumped there), maybe jitters, presses.
        const trace = [sample('over', kind, START, at, true), ...(jitter ? [sample('move', kind, START + rest / 2, at, true)] : []), sample('down', kind, START + rest, at, true), sample('up', kind, START + rest + 50, at, true)]
        expect(judgePointerClick(trace, { kind, at })).to.equal(rest >= STABLE_MS ? undefined : 'moved')
      }),
    )
  })

  it('crossing the gate on an earlier visit, before the pointer left the frame, is no arrival', () => {
    fc.assert(
      fc.property(fc.constantFrom<'mouse' | 'pen'>('mouse', 'pen'), placement, fc.integer({ min: 0, max: STABLE_MS - 1 }), (kind, at, rest) => {
        const earlier = [sample('over', kind, START - 2000, at, false), sample('move', kind, START - 1990, at, false), sample('out', kind, START - 1900, at, false, { left: true })]
        const trace = [...earlier, sample('over', kind, START, at, true), sample('down', kind, START + rest, at, true), sample('up', kind, START + rest + 40, at, true)]
        expect(judgePointerClick(trace, { kind, at })).to.equal('moved')
      }),
    )
  })

  it('any other placement or layout change seen within STABLE_MS before the press refuses it, whatever the pointer', () => {
    const person = fc.oneof(
      fc.record({ kind: fc.constant<PointerKind>('touch'), rest: fc.constant(0) }),
      fc.record({ kind: fc.constantFrom<PointerKind>('mouse', 'pen'), rest: fc.integer({ min: 0, max: 2000 }) }),
    )
    fc.assert(
      fc.property(
        person,
        placement.chain((at) => fc.tuple(fc.constant(at), elsewhere(at))),
        fc.integer({ min: 1, max: STABLE_MS - 1 }),
        fc.boolean(),
        ({ kind, rest }, [at, other], ago, layout) => {
          const trace = kind === 'touch' ? tap(at, START, EDGE_PX) : crossThenPress(kind as 'mouse' | 'pen', at, START, rest)
          const down = trace.find((s) => s.type === 'down')!
          const seen: Sample = layout ? { type: 'layout', time: down.time - ago } : sample('move', kind, down.time - ago, other, false)
          const withSeen = [...trace.filter((s) => s.time < seen.time), seen, ...trace.filter((s) => s.time >= seen.time)]
          expect(judgePointerClick(withSeen, { kind, at })).to.equal('moved')
        },
      ),
    )
  })

  it('a frame that moves, or relays out, during the press loses the gesture', () => {
    fc.assert(
      fc.property(fc.constantFrom<PointerKind>('mouse', 'pen', 'touch'), placement.chain((at) => fc.tuple(fc.constant(at), elsewhere(at))), fc.constantFrom('up', 'click', 'layout'), (kind, [at, other], where) => {
        const trace = kind === 'touch' ? tap(at, START, EDGE_PX, 300) : crossThenPress(kind, at, START, 100)
        const moved = where === 'up' ? trace.map((s) => (s.type === 'up' ? { ...s, at: other } : s)) : where === 'layout' ? [...trace.slice(0, -1), { type: 'layout', time: START + 200 } as Sample, trace[trace.length - 1]!] : trace
        expect(judgePointerClick(moved, { kind, at: where === 'click' ? other : at })).to.equal('moved')
      }),
    )
  })

  it('a click without a press on the control seen first is refused', () => {
    fc.assert(
      fc.property(fc.constantFrom<PointerKind>('mouse', 'pen', 'touch'), placement, history(START), (kind, at, before) => {
        expect(judgePointerClick(before, { kind, at })).to.equal('no-press')
        const offControl = [...before, sample('down', kind, START, at, false), sample('up', kind, START + 50, at, false)]
        expect(judgePointerClick(offControl, { kind, at })).to.equal('no-press')
      }),
    )
  })
})
