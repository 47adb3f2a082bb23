import fs from 'node:fs'
import { request as httpRequest, type Server } from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openLedgerService, type LedgerService } from '../../electron/core/ledger-service'
import { createWebServer, listenOnLoopback } from '../../electron/rpc/http'
import { shop } from '../support/harness'

// The web transport against a real file ledger and a real socket.
let dir: string
let service: LedgerService
let server: Server
let base: string
const token = 'test-token-0123456789abcdef'

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-http-'))
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Repair Ledger</title>')
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside')
  fs.mkdirSync(path.join(dir, 'www'))
  fs.writeFileSync(path.join(dir, 'www', 'index.html'), '<!doctype html><title>Repair Ledger</title>')
  service = await openLedgerService({ databasePath: path.join(dir, 'ledger.sqlite3'), transport: 'web', version: 'test', log: () => {} })
  server = createWebServer({ service, token, staticDir: path.join(dir, 'www'), maxBodyBytes: 64 * 1024 })
  base = `http://127.0.0.1:${await listenOnLoopback(server)}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  service.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

function rowCount(): number {
  const tables = service.ledger.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[]
  return tables.reduce((sum, { name }) => sum + (service.ledger.sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n, 0)
}

/** fetch() cannot set Host; node:http can, to play a DNS-rebinding page. */
function requestWithHost(pathname: string, host: string, body?: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${base}${pathname}`,
      { method: body ? 'POST' : 'GET', headers: { Host: host, 'Content-Type': 'application/json', Authorization: `Bearer ${token}` } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0 })))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

function rpc(channel: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/rpc/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

const setupBody = { shop, owner: { name: '王店主', pin: '246810' } }

describe('web transport refusals write nothing', () => {
  const cases: [string, () => Promise<Response>, number, string][] = [
    ['no token', () => rpc('setup.complete', setupBody, { Authorization: '' }), 401, 'UNAUTHENTICATED'],
    ['wrong token', () => rpc('setup.complete', setupBody, { Authorization: 'Bearer nope' }), 401, 'UNAUTHENTICATED'],
    ['token of another scheme', () => rpc('setup.complete', setupBody, { Authorization: `Basic ${token}` }), 401, 'UNAUTHENTICATED'],
    ['foreign Origin', () => rpc('setup.complete', setupBody, { Origin: 'https://evil.example' }), 403, 'FORBIDDEN'],
    ['foreign Host (DNS rebinding)', () => requestWithHost('/rpc/setup.complete', 'evil.example', JSON.stringify(setupBody)), 403, 'FORBIDDEN'],
    ['malformed JSON', () => rpc('setup.complete', '{"shop": {'), 400, 'INVALID_INPUT'],
    ['not JSON content type', () => rpc('setup.complete', JSON.stringify(setupBody), { 'Content-Type': 'text/plain' }), 415, 'INVALID_INPUT'],
    ['oversized body', () => rpc('setup.complete', { ...setupBody, pad: 'x'.repeat(70 * 1024) }), 413, 'PAYLOAD_TOO_LARGE'],
    ['unknown channel', () => rpc('ledger.dropAll', {}), 404, 'UNKNOWN_CHANNEL'],
    ['unknown key', () => rpc('setup.complete', { ...setupBody, extra: 1 }), 400, 'INVALID_INPUT'],
    ['wrong types', () => rpc('setup.complete', { shop: 'a shop', owner: [] }), 400, 'INVALID_INPUT'],
    ['owner channel without sign-in', () => rpc('staff.create', { name: 'X', role: 'owner', pin: '1234' }), 401, 'UNAUTHENTICATED'],
  ]

  it.each(cases)('%s', async (_label, send, status, code) => {
    const before = rowCount()
    const res = await send()
    expect(res.status).toBe(status)
    const body = (await res.json()) as { ok: boolean; error: { code: string; message: string } }
    expect(body.ok).toBe(false)
    expect(body.error.code).toBe(code)
    expect(body.error.message.length).toBeGreaterThan(0)
    expect(rowCount()).toBe(before)
  })

  it('names the offending field of a bad input', async () => {
    const res = await rpc('setup.complete', { ...setupBody, owner: { name: 'A', pin: 'abcd' } })
    const body = (await res.json()) as { error: { issues: { path: string[]; message: string }[] } }
    expect(body.error.issues[0]).toMatchObject({ path: ['owner', 'pin'], message: 'owner.pin: PIN must be 4–8 digits' })
  })

  it('refuses GET on an RPC path', async () => {
    expect((await fetch(`${base}/rpc/app.info`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(405)
  })
})

describe('web transport calls', () => {
  it('completes setup and keeps the session for the token', async () => {
    const res = await rpc('setup.complete', setupBody, { Origin: base })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { value: { staff: { name: string } } }).value.staff.name).toBe('王店主')
    const current = (await (await rpc('auth.current', {})).json()) as { value: { staff: { role: string } } }
    expect(current.value.staff.role).toBe('owner')
  })

  it('accepts an empty body for a channel without input', async () => {
    const res = await fetch(`${base}/rpc/setup.status`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` } })
    expect(((await res.json()) as { value: { complete: boolean } }).value.complete).toBe(true)
  })
})

describe('static files', () => {
  it('serves the renderer with the CSP and hardening headers', async () => {
    const res = await fetch(`${base}/`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('Repair Ledger')
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
  })

  it('never serves a file outside the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt']) {
      const res = await fetch(`${base}${p}`)
      expect(res.status, p).toBe(404)
    }
  })

  it('refuses a page request under a foreign Host name', async () => {
    expect((await requestWithHost('/', 'rebind.example')).status).toBe(403)
  })
})
