import fs from 'node:fs'
import path from 'node:path'
import type { Result } from '../../shared/errors'
import { idleCheckpoints, openLedger, type Ledger } from '../../db/connection'
import { migrateLedger } from '../../db/migrate'
import type { DispatchContext } from '../rpc/context'
import { dispatch } from '../rpc/dispatch'
import { systemClock, type Clock } from './clock'
import { PinGuard } from './pin-guard'
import { hashPin, verifyPin } from './pin-hash'
import { SessionStore } from './sessions'

export interface LedgerService {
  ledger: Ledger
  call(clientKey: string, channel: string, input: unknown): Promise<Result<unknown>>
  /** Drops a client's session (its window closed). */
  forgetClient(clientKey: string): void
  close(): void
}

export interface LedgerServiceOptions {
  databasePath: string
  transport: 'electron' | 'web' | 'direct'
  version: string
  nativeBinding?: string
  clock?: Clock
  log?: (message: string, error?: unknown) => void
}

/**
 * Opens and migrates the ledger and returns the service every transport calls. Throws
 * LedgerTooNewError (file untouched) for a ledger written by a newer build.
 */
export async function openLedgerService(options: LedgerServiceOptions): Promise<LedgerService> {
  if (options.databasePath !== ':memory:') fs.mkdirSync(path.dirname(options.databasePath), { recursive: true })
  const ledger = openLedger(options.databasePath, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  try {
    await migrateLedger(ledger)
  } catch (error) {
    ledger.close()
    throw error
  }
  const stopCheckpoints = options.databasePath === ':memory:' ? () => {} : idleCheckpoints(ledger.sqlite)
  const sessions = new SessionStore()
  const base: Omit<DispatchContext, 'clientKey'> = {
    db: ledger.db,
    clock: options.clock ?? systemClock,
    sessions,
    pinGuard: new PinGuard(),
    info: { name: 'Repair Ledger', version: options.version, databasePath: ledger.path, transport: options.transport },
    hashPin,
    verifyPin,
    log: options.log ?? ((message, error) => console.error(`[repair-ledger] ${message}`, error)),
  }
  return {
    ledger,
    call: (clientKey, channel, input) => dispatch(channel, input, { ...base, clientKey }),
    forgetClient: (clientKey) => sessions.delete(clientKey),
    close: () => {
      stopCheckpoints()
      ledger.close()
    },
  }
}
