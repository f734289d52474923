/**
 * Loads the frame origin's policy (`src/protocol/policy.ts`): inlined by the frame server as a
 * `<meta name="secure-fields-policy">` (no extra request), else `policy.json` beside the page for
 * static hosting. A missing or unreadable policy allows no parent: the frame refuses rather than
 * guesses.
 *
 * @module
 */
import { parsePolicy, type FramePolicy } from '../../protocol/policy.js'

export { keyAllowed, parentAllowed, pqRequired, type FramePolicy } from '../../protocol/policy.js'

/** Loads the policy of this deployment. */
export async function loadPolicy(doc: Document = document): Promise<FramePolicy> {
  const meta = doc.querySelector<HTMLMetaElement>('meta[name="secure-fields-policy"]')
  try {
    if (meta?.content) return parsePolicy(JSON.parse(meta.content))
    const response = await fetch(new URL('policy.json', doc.baseURI), { cache: 'no-store', credentials: 'omit' })
    return parsePolicy(response.ok ? await response.json() : null)
  } catch {
    return parsePolicy(null)
  }
}
