// Where the frames are and the recipient key: given in the page's query string by the test.
const query = new URLSearchParams(location.search)
export const frameOrigin = query.get('frames') ?? ''
export const publicKey = JSON.parse(query.get('key') ?? '{}') as Record<string, unknown>
export const context = query.get('context') ?? 'conversation-1'
