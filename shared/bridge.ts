import type { Result } from './errors'

/** The name under which the Electron preload exposes the bridge on `window`. */
export const bridgeKey = 'repairLedger'

/**
 * What the preload exposes to the renderer. `invoke` always resolves to a Result: an unknown
 * channel or a broken IPC call comes back as an error Result, never as a rejection.
 */
export interface RepairLedgerBridge {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>
}
