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

/** The IPC channel behind `savePdf` (not a ledger channel: it never reaches dispatch). */
export const savePdfChannel = 'print:savePdf'

export interface SavePdfRequest {
  /** e.g. "R2611-0042-receipt"; the main process makes it a safe file name. */
  suggestedName: string
}

export type SavePdfResult = { ok: true; path: string } | { ok: false; reason: 'cancelled' | 'failed' | 'refused' }

/** Desktop-only extras of the bridge: the web mode prints through the browser's own dialog. */
export interface RepairLedgerDesktopBridge extends RepairLedgerBridge {
  savePdf(request: SavePdfRequest): Promise<SavePdfResult>
}
