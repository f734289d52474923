// Browser stand-in for Node's `crypto` module: some dev dependencies try `import("crypto")` as a
// fallback; in the browser WebCrypto is already global.
export const webcrypto = globalThis.crypto
export default { webcrypto }
