// The virtual WebAuthn authenticator every browser test uses (Chrome DevTools Protocol
// `WebAuthn.addVirtualAuthenticator`): a platform authenticator with user verification and, by
// default, the PRF extension. Shared by the web-test-runner commands and the Playwright tests.

/**
 * Adds one to a CDP session and resolves with its id.
 * @param {{ send(method: string, params?: object): Promise<any> }} cdp
 * @param {{ userVerified?: boolean, prf?: boolean }} [options]
 * @returns {Promise<string>}
 */
export async function addVirtualAuthenticator(cdp, options = {}) {
  await cdp.send('WebAuthn.enable', { enableUI: false })
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: options.userVerified ?? true,
      automaticPresenceSimulation: true,
      hasPrf: options.prf ?? true,
    },
  })
  return authenticatorId
}
