import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'

// The web mode's page protections in a real Chromium, against the built server (`npm run build`):
// the CSP as served stops injected inline script, inline handlers, eval and remote script and
// reports each violation; the app itself loads without a single violation; the headers are on
// every page and asset; another site can neither frame the app nor call its RPC; and the
// server's own output never shows a manufacturer's sync token or a PIN.

interface Server {
  origin: string
  url: string
  token: string
  output: () => string
  stop(): Promise<void>
}

/** The built web mode as `npm run start:web` runs it, keeping everything it prints. */
async function startServer(): Promise<Server> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-e2e-sec-'))
  const child: ChildProcess = spawn(process.execPath, ['dist/web/server.mjs'], {
    env: { ...process.env, REPAIR_LEDGER_DB: path.join(dir, 'ledger.sqlite3'), PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web server did not start:\n${output}`)), 20_000)
    const poll = setInterval(() => {
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output)
      if (match?.[1]) {
        clearInterval(poll)
        clearTimeout(timer)
        resolve(match[1])
      }
    }, 20)
    child.once('exit', (code) => reject(new Error(`web server exited with ${code}:\n${output}`)))
  })
  const parsed = new URL(url)
  return {
    origin: parsed.origin,
    url,
    token: new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '',
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => {
          fs.rmSync(dir, { recursive: true, force: true })
          resolve()
        })
        child.kill('SIGTERM')
      }),
  }
}

let server: Server
test.beforeEach(async () => {
  server = await startServer()
})
const cleanups: (() => Promise<void>)[] = []
test.afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()))
  await server.stop()
})

// The browser-side code is passed as strings: this project's type check has no DOM library.
interface Violation {
  directive: string
  blocked: string
}
const violationsIn = (page: Page) => page.evaluate<Violation[]>('window.__violations')

test('the CSP as served blocks injected inline script, inline handlers, string eval and remote script, and reports them', async ({ page }) => {
  const cspConsole: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspConsole.push(message.text())
  })
  // Chromium announces the blocked attempt as a request, but none may ever be answered.
  const remoteResponses: string[] = []
  page.on('response', (res) => {
    if (!res.url().startsWith(server.origin)) remoteResponses.push(res.url())
  })

  const response = await page.goto(server.url)
  await expect(page.getByRole('heading', { name: '设置店铺' })).toBeVisible()
  // The app itself runs entirely within the policy.
  expect(cspConsole).toEqual([])
  expect(response!.headers()['content-security-policy']).toContain("script-src 'self'")

  await page.evaluate(`(() => {
    window.__violations = []
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__violations.push({ directive: event.effectiveDirective, blocked: event.blockedURI })
    })
    const inline = document.createElement('script')
    inline.textContent = 'window.__inlineRan = true'
    document.head.appendChild(inline)

    const handler = document.createElement('div')
    handler.innerHTML = '<img src="/missing-image.png" onerror="window.__attrRan = true" alt="">'
    document.body.appendChild(handler)

    const remote = document.createElement('script')
    remote.src = 'https://evil.example/steal.js'
    remote.onload = () => { window.__remoteRan = true }
    document.head.appendChild(remote)
  })()`)

  await expect.poll(async () => (await violationsIn(page)).map((v) => v.directive).sort()).toEqual(['script-src-attr', 'script-src-elem', 'script-src-elem'])
  const violations = await violationsIn(page)
  expect(violations).toContainEqual({ directive: 'script-src-elem', blocked: 'inline' })
  expect(violations).toContainEqual({ directive: 'script-src-attr', blocked: 'inline' })
  expect(violations.some((v) => v.blocked.startsWith('https://evil.example'))).toBe(true)
  expect(await page.evaluate('[window.__inlineRan, window.__attrRan, window.__remoteRan]')).toEqual([undefined, undefined, undefined])
  expect(remoteResponses).toEqual([])

  // No string-to-code either ('unsafe-eval' is not granted). eval() typed into page.evaluate runs
  // with DevTools' privileges, so the page's own sink is used: a string timer, compiled by the page.
  await page.evaluate(`window.setTimeout('window.__inlineRan = true', 0)`)
  await expect.poll(async () => (await violationsIn(page)).map((v) => `${v.directive} ${v.blocked}`)).toContain('script-src eval')
  expect(await page.evaluate('window.__inlineRan')).toBeUndefined()
  expect(cspConsole.length).toBeGreaterThan(0)
})

test('pages and assets carry the CSP, nosniff, no-framing and no-referrer headers', async ({ page, request }) => {
  const response = await page.goto(server.url)
  const headers = response!.headers()
  const csp = headers['content-security-policy']!
  for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(directive)
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*|http:|https:/)
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['x-frame-options']).toBe('DENY')
  expect(headers['referrer-policy']).toBe('no-referrer')

  const assets: string[] = []
  for (const element of await page.locator('script[src], link[rel="stylesheet"]').all()) {
    assets.push(new URL((await element.getAttribute('src')) ?? (await element.getAttribute('href')) ?? '', server.origin).href)
  }
  expect(assets.length).toBeGreaterThan(0)
  for (const asset of assets) {
    const res = await request.get(asset)
    expect(res.status(), asset).toBe(200)
    expect(res.headers()['content-security-policy'], asset).toBe(csp)
    expect(res.headers()['x-content-type-options'], asset).toBe('nosniff')
    expect(res.headers()['x-frame-options'], asset).toBe('DENY')
  }
  // The token lives only in the fragment the app reads once: gone from the address bar.
  await expect(page.getByRole('heading', { name: '设置店铺' })).toBeVisible()
  await expect(page).not.toHaveURL(/token=/)
})

test('another site can neither frame the app nor call its RPC, even knowing the token', async ({ page, context }) => {
  // A foreign site on another loopback port: a page that frames the app and calls its ledger.
  const foreign = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html><title>Foreign</title><iframe id="app" src="${server.origin}/"></iframe>`))
  await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve))
  cleanups.push(() => new Promise<void>((resolve) => { foreign.closeAllConnections(); foreign.close(() => resolve()) }))

  const served = page.waitForResponse(`${server.origin}/`)
  await page.goto(`http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`)
  // The app's page did arrive (200, with its headers): the browser refuses to show it.
  expect((await served).status()).toBe(200)
  // frame-ancestors 'none' and X-Frame-Options: DENY: Chromium shows its error page instead.
  await expect.poll(() => page.frames().find((f) => f !== page.mainFrame())?.url() ?? '').toMatch(/^chrome-error:/)
  const framed = await page.evaluate<string>(`(() => {
    try {
      return document.getElementById('app').contentDocument?.title ?? 'cross-origin'
    } catch {
      return 'cross-origin'
    }
  })()`)
  expect(framed).not.toBe('Repair Ledger')

  // With the token (say it leaked), a call from the foreign page fails its CORS preflight.
  const call = await page.evaluate(
    async ({ origin, token }) => {
      try {
        const res = await fetch(`${origin}/rpc/setup.status`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: '{}' })
        return `answered ${res.status}`
      } catch (error) {
        return (error as Error).name
      }
    },
    { origin: server.origin, token: server.token },
  )
  expect(call).toBe('TypeError')
  // A "simple" request needs no preflight but cannot carry the token, and the server refuses it
  // (wrong type, no token, foreign Origin) if the browser sends it at all.
  const simple = await page.evaluate(async (origin) => {
    try {
      const body = JSON.stringify({ shop: { shopName: 'x', address: 'x', phone: '1', currency: 'CNY', timeZone: 'Asia/Shanghai', locale: 'en' }, owner: { name: 'x', pin: '1234' } })
      const res = await fetch(`${origin}/rpc/setup.complete`, { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body })
      return res.type
    } catch (error) {
      return (error as Error).name
    }
  }, server.origin)
  expect(['opaque', 'TypeError']).toContain(simple)
  // The ledger is untouched: setup still not done.
  const status = await context.request.post(`${server.origin}/rpc/setup.status`, { headers: { Authorization: `Bearer ${server.token}` }, data: {} })
  expect(await status.json()).toMatchObject({ ok: true, value: { complete: false } })
})

test('the server prints neither a sync token nor a PIN', async ({ request }) => {
  const syncToken = 'e2e-SECRET-sync-token-5Hq2Zr8W'
  const call = async (channel: string, data: unknown) => {
    const res = await request.post(`${server.origin}/rpc/${channel}`, { headers: { Authorization: `Bearer ${server.token}` }, data })
    return (await res.json()) as { ok: boolean; value: unknown }
  }
  expect((await call('setup.complete', { shop: { shopName: '好修通讯维修店', address: '上海', phone: '021-5555 0100', currency: 'CNY', timeZone: 'Asia/Shanghai', locale: 'zh-CN' }, owner: { name: '王店主', pin: '97531864' } })).ok).toBe(true)
  expect((await call('auth.signIn', { staffId: 1, pin: '11112222' })).ok).toBe(false)
  expect((await call('auth.signIn', { staffId: 1, pin: '97531864' })).ok).toBe(true)
  const makers = (await call('manufacturers.list', {})).value as { id: number; code: string }[]
  const moto = makers.find((m) => m.code === 'MOTO')!.id
  expect((await call('manufacturers.updateClaimRules', { manufacturerId: moto, syncUrl: 'https://claims.example.invalid/batches', syncToken })).ok).toBe(true)
  expect((await call('manufacturers.updateClaimRules', { manufacturerId: moto, syncToken: `${syncToken} x` })).ok).toBe(false)
  const rules = await call('manufacturers.claimRules', { manufacturerId: moto })
  expect(rules.value).toMatchObject({ syncTokenSet: true })
  expect(JSON.stringify(rules)).not.toContain(syncToken)
  expect(JSON.stringify(await call('sync.status', {}))).not.toContain(syncToken)
  await server.stop()
  const output = server.output()
  expect(output).toContain('Open: http://127.0.0.1:')
  expect(output).not.toContain(syncToken)
  expect(output).not.toContain('97531864')
  expect(output).not.toContain('scrypt$')
})
