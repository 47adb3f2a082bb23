import { describe, expect, it, vi } from 'vitest'
import { bridgeTransport, createClient, defaultTransport, httpTransport, RpcFailure } from '../../renderer/src/api'
import { errorMessage } from '../../renderer/src/errors'
import { createI18n } from '../../renderer/src/i18n'
import { takeSessionToken } from '../../renderer/src/session-token'

function jsonResponse(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

describe('typed client over HTTP', () => {
  it('POSTs JSON to /rpc/<channel> with the bearer token and returns the value', async () => {
    const fetchImpl = vi.fn(async () => jsonResponse({ ok: true, value: { complete: false, shopName: null, locale: null } }))
    const client = createClient(httpTransport('tok-123', fetchImpl as unknown as typeof fetch))
    await expect(client.call('setup.status', {})).resolves.toEqual({ complete: false, shopName: null, locale: null })
    expect(fetchImpl).toHaveBeenCalledWith('/rpc/setup.status', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer tok-123' },
      body: '{}',
    })
  })

  it('throws an RpcFailure carrying the error of a 4xx Result', async () => {
    const error = { code: 'UNAUTHENTICATED', messageKey: 'errors.wrongPin', message: 'Wrong PIN' }
    const client = createClient(httpTransport('t', (async () => jsonResponse({ ok: false, error }, 401)) as unknown as typeof fetch))
    const failure = await client.call('auth.signIn', { staffId: 1, pin: '0000' }).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(RpcFailure)
    expect((failure as RpcFailure).error).toEqual(error)
    expect((failure as RpcFailure).code).toBe('UNAUTHENTICATED')
  })

  it('reports an unreachable server as errors.network and a non-Result body as errors.internal', async () => {
    const offline = createClient(httpTransport('t', (async () => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch))
    await expect(offline.call('setup.status', {})).rejects.toMatchObject({ error: { code: 'INTERNAL', messageKey: 'errors.network' } })
    const garbled = createClient(httpTransport('t', (async () => new Response('<html>', { status: 502 })) as unknown as typeof fetch))
    await expect(garbled.call('setup.status', {})).rejects.toMatchObject({ error: { code: 'INTERNAL', messageKey: 'errors.internal' } })
  })
})

describe('transport choice', () => {
  it('uses the Electron bridge when the preload exposes one', async () => {
    const invoke = vi.fn(async () => ({ ok: true as const, value: null }))
    const win = window as Window & { repairLedger?: unknown }
    win.repairLedger = { invoke }
    try {
      await createClient(defaultTransport(null)).call('auth.current', {})
      expect(invoke).toHaveBeenCalledWith('auth.current', {})
    } finally {
      delete win.repairLedger
    }
  })

  it('turns a rejected bridge call into an INTERNAL failure', async () => {
    const client = createClient(bridgeTransport({ invoke: () => Promise.reject(new Error('ipc gone')) }))
    await expect(client.call('auth.current', {})).rejects.toMatchObject({ error: { code: 'INTERNAL', messageKey: 'errors.internal' } })
  })
})

describe('web-mode token', () => {
  it('moves the token from the URL hash into sessionStorage and scrubs the URL', () => {
    window.history.replaceState(null, '', '/?x=1#token=abc123')
    expect(takeSessionToken()).toBe('abc123')
    expect(window.location.href).not.toContain('abc123')
    expect(window.location.search).toBe('?x=1')
    expect(window.sessionStorage.getItem('repairLedger.token')).toBe('abc123')
    // A reload (no hash any more) still finds it.
    expect(takeSessionToken()).toBe('abc123')
  })

  it('leaves route hashes alone', () => {
    window.history.replaceState(null, '', '/#/settings')
    expect(takeSessionToken()).toBeNull()
    expect(window.location.hash).toBe('#/settings')
  })
})

describe('error messages', () => {
  it('translates known keys with params and falls back to the English message for unknown keys', () => {
    const i18n = createI18n('zh-CN')
    const locked = new RpcFailure({ code: 'RATE_LIMITED', messageKey: 'errors.pinLocked', message: 'locked', params: { retryAfterSeconds: 12 } })
    expect(errorMessage(i18n.t, locked)).toBe('PIN 码错误次数过多，请在 12 秒后重试。')
    const unknown = new RpcFailure({ code: 'CONFLICT', messageKey: 'errors.somethingNew', message: 'Something new happened' })
    expect(errorMessage(i18n.t, unknown)).toBe('Something new happened')
    expect(errorMessage(i18n.t, new Error('boom'))).toBe('维修账本内部出错。数据是安全的，请重试。')
  })
})
