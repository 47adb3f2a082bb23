import { timingSafeEqual } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { httpStatusFor, type Result } from '../../shared/errors'
import type { LedgerService } from '../core/ledger-service'
import { failure } from './dispatch'
import { serveStatic } from './static-files'

export interface WebServerOptions {
  service: Pick<LedgerService, 'call'>
  token: string
  /** Folder of the built renderer (index.html and assets). */
  staticDir: string
  port?: number
  maxBodyBytes?: number
}

export const defaultMaxBodyBytes = 1024 * 1024

/**
 * The browser transport: the renderer and `POST /rpc/<channel>` on 127.0.0.1 only. Every request
 * must come from loopback with our Host; RPC calls also need the run's token and, when the
 * browser sends one, our Origin.
 */
export function createWebServer(options: WebServerOptions): http.Server {
  const maxBody = options.maxBodyBytes ?? defaultMaxBodyBytes
  const server = http.createServer((req, res) => {
    const port = (server.address() as AddressInfo | null)?.port ?? 0
    void handle(req, res, port).catch(() => {
      if (!res.headersSent) send(res, 500, failure('INTERNAL', 'errors.internal'))
      else res.destroy()
    })
  })

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, port: number): Promise<void> {
    if (!isLoopback(req.socket.remoteAddress) || !isOurHost(req.headers.host, port)) {
      return send(res, 403, failure('FORBIDDEN', 'errors.badOrigin'))
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
    if (!url.pathname.startsWith('/rpc/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, failure('FORBIDDEN', 'errors.forbidden'))
      return serveStatic(options.staticDir, url.pathname, req, res)
    }
    if (req.method !== 'POST') return send(res, 405, failure('FORBIDDEN', 'errors.forbidden'))
    const origin = req.headers.origin
    if (origin !== undefined && !isOurOrigin(origin, port)) return send(res, 403, failure('FORBIDDEN', 'errors.badOrigin'))
    if (!hasToken(req.headers.authorization, options.token)) return send(res, 401, failure('UNAUTHENTICATED', 'errors.badToken'))
    if (!/^application\/json(\s*;|$)/i.test(req.headers['content-type'] ?? '')) {
      return send(res, 415, failure('INVALID_INPUT', 'validation.invalidJson'))
    }
    const body = await readBody(req, maxBody)
    if (body === 'too-large') {
      send(res, 413, failure('PAYLOAD_TOO_LARGE', 'errors.payloadTooLarge', { maxBytes: maxBody }))
      req.resume()
      return
    }
    let input: unknown
    try {
      input = body.length === 0 ? undefined : JSON.parse(body)
    } catch {
      return send(res, 400, failure('INVALID_INPUT', 'validation.invalidJson'))
    }
    const channel = decodeChannel(url.pathname.slice('/rpc/'.length))
    const result = await options.service.call(`web:${options.token}`, channel, input)
    send(res, result.ok ? 200 : httpStatusFor[result.error.code], result)
  }

  return server
}

/** Listens on 127.0.0.1 only; resolves to the port (random when 0). */
export function listenOnLoopback(server: http.Server, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  })
}

function decodeChannel(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

/** True only for a socket peer on this computer (IPv4 127/8, IPv6 ::1 or IPv4-mapped 127/8). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.')
}

// A matching Host header defeats DNS rebinding: a foreign name resolving to 127.0.0.1 is refused.
function isOurHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

function isOurOrigin(origin: string, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`
}

function hasToken(header: string | undefined, token: string): boolean {
  const match = /^Bearer (\S+)$/.exec(header ?? '')
  if (!match?.[1]) return false
  const given = Buffer.from(match[1])
  const expected = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

function readBody(req: http.IncomingMessage, max: number): Promise<string | 'too-large'> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > max) return Promise.resolve('too-large')
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let done = false
    req.on('data', (chunk: Buffer) => {
      if (done) return
      size += chunk.length
      if (size > max) {
        done = true
        resolve('too-large')
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks).toString('utf8'))
    })
    req.on('error', reject)
  })
}

function send(res: http.ServerResponse, status: number, body: Result<unknown>): void {
  const json = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(status === 413 && { Connection: 'close' }),
  })
  res.end(json)
}
