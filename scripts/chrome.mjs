// How every browser in this project is launched: headless Chromium from CHROME_PATH with the
// flags this kind of machine needs (no sandbox as root, no background network, no GPU).
export const chromePath = () => process.env.CHROME_PATH || '/usr/bin/chromium'

export const chromeArgs = [
  '--headless=new',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
  ...(typeof process.getuid === 'function' && process.getuid() === 0 ? ['--no-sandbox'] : []),
]
