// Finds the system tools the commands need, and installs them from Debian's packages when this
// machine can (root, or password-less sudo, with apt-get). Never downloads a browser through npm.
import { spawnSync } from 'node:child_process'
import { accessSync, constants } from 'node:fs'

const TOOLS = {
  chromium: {
    env: 'CHROME_PATH',
    candidates: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'],
    debian: 'chromium',
    hint: 'Install Chromium or Chrome (Debian/Ubuntu: `sudo apt-get install -y chromium`; macOS: install Google Chrome), or set CHROME_PATH to its executable, then run this again.',
  },
  'redis-server': {
    env: 'REDIS_SERVER_PATH',
    candidates: ['/usr/bin/redis-server', '/usr/local/bin/redis-server', '/opt/homebrew/bin/redis-server'],
    debian: 'redis-server',
    hint: 'Install Redis (Debian/Ubuntu: `sudo apt-get install -y redis-server`; macOS: `brew install redis`), or set REDIS_SERVER_PATH to redis-server, then run this again.',
  },
}

function executable(path) {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

function find(tool) {
  const spec = TOOLS[tool]
  const fromEnv = process.env[spec.env]
  if (fromEnv) return executable(fromEnv) ? fromEnv : undefined
  return spec.candidates.find(executable)
}

function aptInstall(pkg) {
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0
  if (!hasApt) return false
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  const sudo = isRoot ? [] : spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0 ? ['sudo', '-n'] : undefined
  if (!sudo) return false
  console.log(`› Installing ${pkg} from Debian's packages…`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const run = (args) => spawnSync(sudo[0] ?? args[0], sudo.length ? [...sudo.slice(1), ...args] : args.slice(1), { stdio: ['ignore', 'inherit', 'inherit'], env }).status === 0
  return run(['apt-get', 'update']) && run(['apt-get', 'install', '-y', '--no-install-recommends', pkg])
}

/**
 * Makes sure `tool` is available. Returns `{ ok: true, path }` or `{ ok: false, message }` with a
 * sentence saying what to do.
 */
export function ensureTool(tool) {
  const spec = TOOLS[tool]
  if (process.env[spec.env] && !find(tool)) {
    return { ok: false, message: `${spec.env}=${process.env[spec.env]} is not an executable file. ${spec.hint}` }
  }
  let path = find(tool)
  if (!path && aptInstall(spec.debian)) path = find(tool)
  return path ? { ok: true, path } : { ok: false, message: `${tool} was not found and could not be installed here. ${spec.hint}` }
}
