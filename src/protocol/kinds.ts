/**
 * The registry of what Secure Fields collects and which frame pages it serves: the field kinds
 * (each a frame page and a host element), the presets of the text field, and the other pages.
 * Everything that lists kinds derives from here — the types, the configuration guard, the demo
 * members, the policy's kind names, the build's pages and their size budgets (`vite.config.ts`,
 * `.size-limit.cjs`) — or is a `Record` over these types, which the compiler holds to every kind:
 * a kind registered here and forgotten elsewhere does not compile, or fails
 * `test/node/kinds.test.ts` where no compiler looks (pages, elements, docs).
 *
 * Imports nothing. Pure: no DOM, no Node built-ins.
 *
 * @module
 */

/** The presets of the text field (`<secure-text-input preset>`): each is also an envelope kind. */
export const TEXT_PRESETS = ['iban', 'account', 'id'] as const

/** One of {@link TEXT_PRESETS}. */
export type TextPreset = (typeof TEXT_PRESETS)[number]

/** What the registry says of a field kind. */
export interface FieldKindInfo {
  /** The host element that collects it (`src/host/`, defined by the customer loader). */
  readonly element: `secure-${string}-input`
  /** The envelope kinds (the `kind` claim) its frame seals. */
  readonly envelopeKinds: readonly string[]
  /** The demo values it takes (`src/protocol/demo.ts`): each member and its most characters. */
  readonly demo: Readonly<Record<string, number>>
}

/**
 * The field kinds. Each has a frame page `<kind>.html` (`src/frame/pages/`, its entry
 * `src/frame/<kind>/main.ts`) and a host element.
 */
export const FIELD_KINDS = {
  card: { element: 'secure-card-input', envelopeKinds: ['card'], demo: { number: 32, expiry: 8, cvc: 8 } },
  ssn: { element: 'secure-ssn-input', envelopeKinds: ['ssn'], demo: { value: 16 } },
  text: { element: 'secure-text-input', envelopeKinds: TEXT_PRESETS, demo: { value: 256 } },
} as const satisfies Record<string, FieldKindInfo>

/** Field kinds with a frame page. */
export type FieldKind = keyof typeof FIELD_KINDS

/** Whether `v` names a registered field kind. */
export const isFieldKind = (v: unknown): v is FieldKind => typeof v === 'string' && Object.hasOwn(FIELD_KINDS, v)

/** The frame pages that are not fields: the consent gate and the reveal desk. */
export const OTHER_PAGES = ['gate', 'reveal'] as const

/** Every frame page: a field kind's, or one of {@link OTHER_PAGES}. */
export type FramePage = FieldKind | (typeof OTHER_PAGES)[number]

/** How the build treats a frame page. */
export interface PageBuild {
  /**
   * The size budget of the page's app (its entry, the chunks its page preloads and its stylesheet,
   * minified and gzipped), checked by `npm test` (size-limit); none for pages without one.
   */
  readonly budget?: string
  /**
   * Built on its own (a second Vite pass): a page that opens envelopes, whose recipient-side
   * crypto must not land in chunks the field frames share.
   */
  readonly isolated?: boolean
}

/**
 * Every frame page and how it is built. Each field frame has its own budget, about 0.5–0.7 KB over
 * what it measures (their sizes differ by up to 9 KB: the text frame carries imask and the
 * linear-time pattern engine), so that none grows unnoticed. The frame shell every page shares,
 * the answer to each configuration, the field's decisions as pure functions, the seal requests
 * that always end in an answer and the refusal of small-order keys added about 1.2 KB to each
 * field frame (card 27.8 → 29.0 kB, SSN 23.1 → 24.3 kB, text 31.7 → 32.8 kB); the budgets grew
 * by 1 KB with them.
 */
export const FRAME_PAGES = {
  card: { budget: '29.5 KB' },
  ssn: { budget: '25 KB' },
  text: { budget: '33.5 KB' },
  gate: {},
  reveal: { isolated: true },
} as const satisfies Record<FramePage, PageBuild>

/**
 * The kinds a policy's `requireConsent` and `requirePq` may name: the field kinds (`card`, `ssn`,
 * `text`) and the envelope kinds their frames seal (`iban`, `account`, `id`).
 */
export const POLICY_KINDS: readonly string[] = /* @__PURE__ */ (() => [
  ...new Set(Object.entries(FIELD_KINDS).flatMap(([kind, info]) => [kind, ...info.envelopeKinds])),
])()
