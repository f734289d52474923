/** Adds the tests' virtual WebAuthn authenticator to a CDP session; resolves with its id. */
export declare function addVirtualAuthenticator(
  cdp: { send(method: string, params?: object): Promise<unknown> },
  options?: { userVerified?: boolean; prf?: boolean },
): Promise<string>
