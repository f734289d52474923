/**
 * The demo's own origin (`http://localhost:5173`): the customer page, the agent console, their
 * scripts (bundled at start), and the chat WebSocket. The frame origin runs beside it.
 *
 * @module
 */
import { createServer, type Server } from 'node:http'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { WebSocketServer } from 'ws'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/** Options of {@link startApp}. */
export interface AppOptions {
  port: number
  /** Base URL of the frame origin, as the browser reaches it. */
  frameBase: string
  /** Called for each chat WebSocket. */
  onSocket(socket: import('ws').WebSocket): void
}

/** Bundles the two client scripts (TypeScript) for the browser. */
async function bundleClients(): Promise<Record<string, string>> {
  const result = await build({
    entryPoints: { customer: here('../client/customer.ts'), agent: here('../client/agent.ts') },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    outdir: '/client',
    logLevel: 'warning',
  })
  return Object.fromEntries(result.outputFiles.map((f) => [`/client/${f.path.split('/').pop()}`, f.text]))
}

/** Starts the demo's HTTP and WebSocket server. */
export async function startApp(options: AppOptions): Promise<Server> {
  const clients = await bundleClients()
  const frameOrigin = new URL(options.frameBase).origin
  const csp = [
    "default-src 'self'",
    `script-src 'self' ${frameOrigin}`,
    `frame-src ${frameOrigin}`,
    "style-src 'self'",
    `connect-src 'self' ws://localhost:${options.port}`,
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
  ].join('; ')
  const page = async (name: string) =>
    (await readFile(here(`../pages/${name}.html`), 'utf8')).replaceAll('%FRAME_BASE%', options.frameBase)

  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://demo').pathname
    const headers = { 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' }
    try {
      if (path === '/' || path === '/customer') {
        res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' }).end(await page('customer'))
      } else if (path === '/agent') {
        res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' }).end(await page('agent'))
      } else if (path === '/style.css') {
        res.writeHead(200, { ...headers, 'Content-Type': 'text/css; charset=utf-8' }).end(await readFile(here('../pages/style.css')))
      } else if (clients[path]) {
        res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' }).end(clients[path])
      } else {
        res.writeHead(404, headers).end('Not found')
      }
    } catch {
      res.writeHead(500, headers).end()
    }
  })
  // Only the demo's own pages may open the chat socket (no cross-site WebSocket hijacking). The
  // demo has no accounts: in a real deployment, authenticate customers and agents here.
  const ownOrigin = `http://localhost:${options.port}`
  const wss = new WebSocketServer({ server, path: '/ws', maxPayload: 64 * 1024, verifyClient: ({ origin }: { origin: string }) => origin === ownOrigin })
  wss.on('connection', (socket) => options.onSocket(socket))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => resolve())
  })
  return server
}
