/**
 * The frame origin's policy document (`policy.json`): which parents may embed its frames, which
 * recipient keys fields may seal to, which kinds need consent, which kinds only post-quantum keys.
 * Written by the deployment (the frame server makes it from its options), read by the frames; a
 * host page never influences it.
 *
 * @module
 */

/** The policy document. */
export interface FramePolicy {
  /** Origins allowed to embed the frames (also the CSP `frame-ancestors`); `*` allows any. */
  allowedParents: string[]
  /**
   * RFC 7638 thumbprints of the recipient keys fields may seal to. Absent: pinning is off and any
   * key is accepted. Present (even empty): only these keys — every key of a field's key set.
   */
  pinnedKeys?: string[]
  /** Field kinds that may only seal behind a consent gate. */
  requireConsent: string[]
  /**
   * Envelope kinds (`ssn`, `card`, `iban`…) that may only be sealed to post-quantum keys
   * (`HPKE-9`, `HPKE-9-KE`): a field configured with another key refuses
   * (`ERR_POLICY_PQ_REQUIRED`).
   */
  requirePq: string[]
  /**
   * A demo origin (Storybook): frames use the `demo` values of their configuration. Never in
   * production — `secure-fields serve` cannot set it (docs/deploy-frame-origin.md).
   */
  demo?: true
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])

/** Normalizes an untrusted JSON value into a policy (unknown members are ignored). */
export function parsePolicy(value: unknown): FramePolicy {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>
  return {
    allowedParents: strings(v.allowedParents),
    ...(Array.isArray(v.pinnedKeys) ? { pinnedKeys: strings(v.pinnedKeys) } : {}),
    requireConsent: strings(v.requireConsent),
    requirePq: strings(v.requirePq),
    ...(v.demo === true ? { demo: true as const } : {}),
  }
}

/**
 * The `allowedParents` entry that lets any origin embed the frames (`secure-fields serve
 * --allow-any-parent`); `frame-ancestors *` in the pages' CSP.
 */
export const ANY_PARENT = '*'

/** Whether `origin` may embed the frames. */
export function parentAllowed(policy: FramePolicy, origin: string): boolean {
  return policy.allowedParents.includes(ANY_PARENT) || policy.allowedParents.includes(origin)
}

/** Whether a recipient key (by thumbprint) may be sealed to. */
export function keyAllowed(policy: FramePolicy, kid: string): boolean {
  return policy.pinnedKeys === undefined || policy.pinnedKeys.includes(kid)
}

/** Whether envelopes of `kind` must be sealed to post-quantum keys only. */
export function pqRequired(policy: FramePolicy, kind: string): boolean {
  return policy.requirePq.includes(kind)
}
