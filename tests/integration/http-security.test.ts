import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createWebServer, isLoopback, listenOnLoopback } from '../../electron/rpc/http'
import type { Result } from '../../shared/errors'

// The web mode's gatekeeping, against a stand-in service so every refusal can be shown never to
// reach the ledger: loopback peers only (also with a real socket from this machine's non-loopback
// address when it has one), bound to 127.0.0.1 only, the run's token, our Origin, our Host, the
// body cap (declared and streamed), and no CORS opening. http.test.ts covers the same refusals
// against a real ledger (nothing written); this file adds the variants and the socket checks.

const token = 'tok-3b9c0f6e2d1a4c5b8e7f'
const service = { call: vi.fn(async (_key: string, channel: string, input: unknown): Promise<Result<unknown>> => ({ ok: true, value: { channel, input } })) }
let dir: string
let server: http.Server
let port: number

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-http-sec-'))
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Repair Ledger</title>')
  server = createWebServer({ service, token, staticDir: dir, maxBodyBytes: 16 * 1024 })
  port = await listenOnLoopback(server)
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  fs.rmSync(dir, { recursive: true, force: true })
})

interface Answer {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

/** A raw request: node:http lets a test set Host, Origin and chunked bodies as an attacker would. */
function send(options: { method?: string; path?: string; headers?: Record<string, string | undefined>; body?: string | Buffer[]; host?: string; port?: number; family?: 4 | 6 }): Promise<Answer> {
  const headers = Object.fromEntries(Object.entries({ Host: `127.0.0.1:${port}`, ...options.headers }).filter(([, v]) => v !== undefined)) as Record<string, string>
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: options.host ?? '127.0.0.1', port: options.port ?? port, family: options.family, method: options.method ?? 'POST', path: options.path ?? '/rpc/app.info', headers, agent: false },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    if (Array.isArray(options.body)) {
      // No Content-Length: the body streams in chunks, so only counting while reading can stop it.
      for (const chunk of options.body) req.write(chunk)
      req.end()
    } else {
      req.end(options.body)
    }
  })
}

const json = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }
const rpc = (headers: Record<string, string | undefined> = {}, body = '{}') => send({ headers: { ...json, ...headers }, body })
const code = (answer: Answer) => (JSON.parse(answer.body) as { error: { code: string } }).error.code

describe('loopback only', () => {
  it('the peer check accepts only this computer', () => {
    for (const address of ['127.0.0.1', '127.0.0.53', '127.255.255.254', '::1', '::ffff:127.0.0.1']) expect(isLoopback(address), address).toBe(true)
    for (const address of [undefined, '', '0.0.0.0', '192.0.2.2', '10.0.0.1', '192.168.1.20', '::', '::ffff:192.168.1.20', 'fd00::2', 'fe80::1', '128.0.0.1', '1.127.0.0', '::ffff:10.127.0.1', 'localhost']) {
      expect(isLoopback(address), String(address)).toBe(false)
    }
  })

  it('binds 127.0.0.1 and nothing else', async () => {
    expect(server.address()).toMatchObject({ address: '127.0.0.1', family: 'IPv4', port })
    const refused = (host: string) =>
      new Promise<string>((resolve) => {
        const socket = net.connect({ host, port }, () => {
          socket.destroy()
          resolve('connected')
        })
        socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'))
      })
    // IPv6 loopback and every address of this machine's network cards: nothing listens there.
    const others = Object.values(os.networkInterfaces()).flat().filter((i) => i && !i.address.startsWith('127.') && !i.address.startsWith('fe80:')).map((i) => i!.address)
    for (const host of ['::1', ...others]) expect(await refused(host), host).not.toBe('connected')
  })

  const external = Object.values(os.networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal)?.address

  it.skipIf(!external)('refuses a request whose socket comes from a non-loopback address, before looking at anything else', async () => {
    // A second server bound (deliberately, against the rule) to this machine's LAN address, so a
    // real connection arrives from a non-loopback peer; the handler itself must still refuse it.
    const exposed = createWebServer({ service, token, staticDir: dir })
    await new Promise<void>((resolve) => exposed.listen(0, external, resolve))
    const exposedPort = (exposed.address() as net.AddressInfo).port
    service.call.mockClear()
    try {
      for (const [method, pathname] of [['POST', '/rpc/app.info'], ['GET', '/'], ['GET', '/index.html']] as const) {
        const answer = await send({ host: external, port: exposedPort, method, path: pathname, headers: { ...json, Host: `127.0.0.1:${exposedPort}` }, body: method === 'POST' ? '{}' : undefined })
        expect(answer.status, pathname).toBe(403)
        expect(answer.body).not.toContain('Repair Ledger</title>')
      }
      expect(service.call).not.toHaveBeenCalled()
    } finally {
      exposed.closeAllConnections()
      await new Promise((resolve) => exposed.close(resolve))
    }
  })
})

describe('token', () => {
  it('refuses every request without exactly the run token (401) and never calls the ledger', async () => {
    service.call.mockClear()
    const wrong: (string | undefined)[] = [
      undefined,
      '',
      'Bearer',
      'Bearer ',
      `Bearer ${token}x`,
      `Bearer ${token.slice(0, -1)}`,
      `Bearer ${token.slice(0, -1)}X`, // same length, last character differs
      `Bearer ${token.toUpperCase()}`,
      `bearer ${token}`,
      `Token ${token}`,
      `Basic ${Buffer.from(`user:${token}`).toString('base64')}`,
      `Bearer ${token} ${token}`,
      token,
    ]
    for (const authorization of wrong) {
      const answer = await rpc({ Authorization: authorization })
      expect(answer.status, String(authorization)).toBe(401)
      expect(code(answer)).toBe('UNAUTHENTICATED')
      expect(answer.body).not.toContain(token)
    }
    // The token anywhere but the Authorization header does not count either.
    for (const [pathname, headers] of [
      [`/rpc/app.info?token=${token}`, {}],
      [`/rpc/app.info#token=${token}`, {}],
      ['/rpc/app.info', { Cookie: `token=${token}` }],
      ['/rpc/app.info', { 'X-Token': token }],
    ] as const) {
      const answer = await send({ path: pathname, headers: { 'Content-Type': 'application/json', ...headers }, body: '{}' })
      expect(answer.status, pathname).toBe(401)
    }
    expect(service.call).not.toHaveBeenCalled()
  })

  it('passes the right token through, keyed per token', async () => {
    service.call.mockClear()
    const answer = await rpc()
    expect(answer.status).toBe(200)
    expect(service.call).toHaveBeenCalledExactlyOnceWith(`web:${token}`, 'app.info', {})
  })
})

describe('Origin and Host', () => {
  it('refuses a foreign Origin with 403 even with the right token', async () => {
    service.call.mockClear()
    for (const origin of [
      'https://evil.example',
      'null',
      `http://127.0.0.1:${port + 1}`,
      `https://127.0.0.1:${port}`,
      `http://localhost.evil.example:${port}`,
      `http://127.0.0.1:${port}.evil.example`,
      `http://127.0.0.1`,
      `http://[::1]:${port}`,
      `file://`,
      `app://repair-ledger`,
    ]) {
      const answer = await rpc({ Origin: origin })
      expect(answer.status, origin).toBe(403)
      expect(code(answer)).toBe('FORBIDDEN')
    }
    expect(service.call).not.toHaveBeenCalled()
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) expect((await rpc({ Origin: origin })).status, origin).toBe(200)
  })

  it('refuses a foreign Host (DNS rebinding) for pages and calls alike', async () => {
    service.call.mockClear()
    const hosts = ['evil.example', `evil.example:${port}`, `127.0.0.1:${port}.evil.example`, `127.0.0.1`, `127.0.0.1:${port + 1}`, `localhost`, `0.0.0.0:${port}`, `[::1]:${port}`, `127.0.0.2:${port}`, `2130706433:${port}`]
    for (const host of hosts) {
      expect((await rpc({ Host: host })).status, host).toBe(403)
      expect((await send({ method: 'GET', path: '/', headers: { Host: host } })).status, host).toBe(403)
    }
    expect(service.call).not.toHaveBeenCalled()
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) expect((await send({ method: 'GET', path: '/', headers: { Host: host } })).status, host).toBe(200)
  })

  it('opens no CORS door: a preflight is refused and no response allows another origin', async () => {
    const preflight = await send({ method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' } })
    expect(preflight.status).toBeGreaterThanOrEqual(400)
    for (const answer of [preflight, await rpc(), await rpc({ Origin: 'https://evil.example' }), await send({ method: 'GET', path: '/' })]) {
      expect(answer.headers['access-control-allow-origin']).toBeUndefined()
      expect(answer.headers['access-control-allow-credentials']).toBeUndefined()
    }
  })

  it('accepts no simple (preflight-free) cross-site POST: text/plain and form bodies are refused', async () => {
    service.call.mockClear()
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', undefined]) {
      expect((await rpc({ 'Content-Type': type })).status, String(type)).toBe(415)
    }
    expect(service.call).not.toHaveBeenCalled()
  })
})

describe('body cap', () => {
  it('refuses a declared oversize body with 413 PAYLOAD_TOO_LARGE before reading it', async () => {
    service.call.mockClear()
    const answer = await rpc({}, JSON.stringify({ pad: 'x'.repeat(17 * 1024) }))
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', params: { maxBytes: 16 * 1024 } } })
    expect(answer.headers.connection).toBe('close')
    expect(service.call).not.toHaveBeenCalled()
  })

  it('refuses a streamed (chunked, undeclared) oversize body with 413 too', async () => {
    service.call.mockClear()
    const chunk = Buffer.from('x'.repeat(4096))
    const answer = await send({ headers: { ...json, 'Transfer-Encoding': 'chunked' }, body: [Buffer.from('{"pad":"'), ...Array.from({ length: 8 }, () => chunk), Buffer.from('"}')] })
    expect(answer.status).toBe(413)
    expect(code(answer)).toBe('PAYLOAD_TOO_LARGE')
    expect(service.call).not.toHaveBeenCalled()
  })

  it('accepts a body just under the cap', async () => {
    const body = JSON.stringify({ pad: 'x'.repeat(16 * 1024 - 20) })
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(16 * 1024)
    expect((await rpc({}, body)).status).toBe(200)
  })

  it('checks the token before reading any body: an unauthenticated oversize upload gets 401', async () => {
    const answer = await rpc({ Authorization: undefined }, JSON.stringify({ pad: 'x'.repeat(17 * 1024) }))
    expect(answer.status).toBe(401)
  })
})

describe('response headers', () => {
  it('RPC answers are never cached or sniffed', async () => {
    for (const answer of [await rpc(), await rpc({ Authorization: undefined }), await rpc({ Origin: 'https://evil.example' })]) {
      expect(answer.headers['content-type']).toBe('application/json; charset=utf-8')
      expect(answer.headers['x-content-type-options']).toBe('nosniff')
      expect(answer.headers['cache-control']).toBe('no-store')
    }
  })

  it('pages carry the CSP, nosniff, no framing and no referrer', async () => {
    const page = await send({ method: 'GET', path: '/' })
    expect(page.status).toBe(200)
    const csp = String(page.headers['content-security-policy'])
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/)
    expect(page.headers['x-content-type-options']).toBe('nosniff')
    expect(page.headers['x-frame-options']).toBe('DENY')
    expect(page.headers['referrer-policy']).toBe('no-referrer')
    const missing = await send({ method: 'GET', path: '/nope.js' })
    expect(missing.status).toBe(404)
    expect(missing.headers['content-security-policy']).toBe(csp)
    expect(missing.headers['x-content-type-options']).toBe('nosniff')
  })

  it('refuses every method but GET/HEAD on pages and POST on calls', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      expect((await send({ method, path: '/' })).status, method).toBe(405)
      expect((await send({ method, headers: json, body: '{}' })).status, method).toBe(405)
    }
  })
})
