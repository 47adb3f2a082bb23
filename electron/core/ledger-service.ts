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
import { keyFileSecretBox, type SecretBox } from './secret-box'
import { SessionStore } from './sessions'
import { SyncWorker, type SyncWorkerOptions } from './sync-worker'

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
  /** Seals sync tokens; default: a key file beside the ledger. The desktop app passes safeStorage's. */
  secrets?: SecretBox
  /** Options of the claim sync worker (tests shorten its backoff); `false` runs none. */
  sync?: Partial<Omit<SyncWorkerOptions, 'db' | 'clock' | 'secrets'>> | false
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
  const clock = options.clock ?? systemClock
  const secrets = options.secrets ?? keyFileSecretBox(options.databasePath)
  const log = options.log ?? ((message: string, error?: unknown) => console.error(`[repair-ledger] ${message}`, error))
  // Plain http:// endpoints on this computer only when asked for (the sync tests' mock server).
  const allowLoopbackHttp = (options.sync && options.sync.allowLoopbackHttp) ?? process.env.REPAIR_LEDGER_SYNC_ALLOW_LOOPBACK_HTTP === '1'
  const worker = options.sync === false ? undefined : new SyncWorker({ db: ledger.db, clock, secrets, log, ...options.sync, allowLoopbackHttp })
  await worker?.start()
  const base: Omit<DispatchContext, 'clientKey'> = {
    db: ledger.db,
    clock,
    sessions,
    pinGuard: new PinGuard(),
    info: { name: 'Repair Ledger', version: options.version, databasePath: ledger.path, transport: options.transport },
    hashPin,
    verifyPin,
    log,
    secrets,
    sync: { allowLoopbackHttp, wake: () => worker?.wake() },
  }
  return {
    ledger,
    call: (clientKey, channel, input) => dispatch(channel, input, { ...base, clientKey }),
    forgetClient: (clientKey) => sessions.delete(clientKey),
    close: () => {
      void worker?.stop()
      stopCheckpoints()
      ledger.close()
    },
  }
}
