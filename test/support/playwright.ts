/**
 * Chromium through playwright-core for end-to-end tests, with third-party storage partitioning
 * left on (Playwright turns it off by default, and then a cross-site frame — the reveal desk —
 * gets no IndexedDB).
 */
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core'
import { chromeArgs, chromePath } from '../../scripts/chrome.mjs'
import { addVirtualAuthenticator as addAuthenticatorTo } from './virtual-authenticator.mjs'

// Playwright's own --disable-features list (1.65), minus ThirdPartyStoragePartitioning. A later
// switch of the same name replaces an earlier one, so this one wins.
const DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
]

/** Launches headless Chromium for end-to-end tests. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromePath(),
    headless: true,
    args: [...chromeArgs.filter((a: string) => a !== '--headless=new'), `--disable-features=${DISABLED_FEATURES.join(',')}`],
  })
}

/** Adds a virtual WebAuthn authenticator (user verification, PRF) to a page. */
export async function addVirtualAuthenticator(page: Page, options: { userVerified?: boolean; prf?: boolean } = {}): Promise<{ cdp: CDPSession; id: string }> {
  const cdp = await page.context().newCDPSession(page)
  return { cdp, id: await addAuthenticatorTo(cdp as unknown as { send(method: string, params?: object): Promise<unknown> }, options) }
}
