import { bridgeKey, type RepairLedgerBridge } from '../../shared/bridge'
import type { ChannelName, InputOf, OutputOf } from '../../shared/contract'
import type { RpcError, Result } from '../../shared/errors'

// The typed client: the renderer's only way to the ledger. A transport moves one call and answers
// with a Result; `createClient` turns `{ok:false}` into a thrown RpcFailure so screens can use
// ordinary async/await and TanStack Query error states.

export type Transport = (channel: string, input: unknown) => Promise<Result<unknown>>

export interface RpcClient {
  call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>>
}

/** A failed call, carrying the ledger's error (code, message key, params, field issues). */
export class RpcFailure extends Error {
  readonly error: RpcError

  constructor(error: RpcError) {
    super(error.message || error.messageKey)
    this.name = 'RpcFailure'
    this.error = error
  }

  get code() {
    return this.error.code
  }
}

export function createClient(transport: Transport): RpcClient {
  return {
    async call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
      const result = await transport(channel, input)
      if (!result.ok) throw new RpcFailure(result.error)
      return result.value as OutputOf<C>
    },
  }
}

/** Electron: the preload's bridge. It should always resolve to a Result; a rejection is still handled. */
export function bridgeTransport(bridge: RepairLedgerBridge): Transport {
  return async (channel, input) => {
    try {
      return await bridge.invoke(channel, input)
    } catch {
      return failure('INTERNAL', 'errors.internal', 'The Electron bridge rejected the call')
    }
  }
}

/** Web mode: POST /rpc/<channel> on the loopback server; every answer, 4xx/5xx too, is a Result. */
export function httpTransport(token: string | null, fetchImpl: typeof fetch = fetch): Transport {
  return async (channel, input) => {
    let response: Response
    try {
      response = await fetchImpl(`/rpc/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
        body: JSON.stringify(input ?? {}),
      })
    } catch {
      return failure('INTERNAL', 'errors.network', 'The Repair Ledger server cannot be reached')
    }
    try {
      const body: unknown = await response.json()
      if (isResult(body)) return body
    } catch {
      // Fall through: a body that is not a Result JSON is reported the same way as a bad shape.
    }
    return failure('INTERNAL', 'errors.internal', `Unexpected response (HTTP ${response.status})`)
  }
}

/** Electron's preload bridge when present, otherwise HTTP with the web-mode token. */
export function defaultTransport(token: string | null): Transport {
  const bridge = (window as unknown as Record<string, RepairLedgerBridge | undefined>)[bridgeKey]
  if (bridge && typeof bridge.invoke === 'function') return bridgeTransport(bridge)
  return httpTransport(token)
}

function failure(code: RpcError['code'], messageKey: string, message: string): Result<unknown> {
  return { ok: false, error: { code, messageKey, message } }
}

function isResult(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false
  if (body.ok === true) return 'value' in body
  return body.ok === false && 'error' in body && typeof body.error === 'object' && body.error !== null
}
