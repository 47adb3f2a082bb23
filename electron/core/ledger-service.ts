import fs from 'node:fs'
import path from 'node:path'
import { AppError, type Result } from '../../shared/errors'
import { idleCheckpoints, openLedger, type Ledger } from '../../db/connection'
import { migrateLedger } from '../../db/migrate'
import type { DispatchContext } from '../rpc/context'
import { dispatch } from '../rpc/dispatch'
import { BackupService } from './backup-service'
import { damagedCall } from './damaged-ledger'
import { systemClock, type Clock } from './clock'
import { PinGuard } from './pin-guard'
import { hashPin, verifyPin } from './pin-hash'
import { keyFileSecretBox, type SecretBox } from './secret-box'
import { SessionStore } from './sessions'
import { SyncWorker, type SyncWorkerOptions } from './sync-worker'

export interface LedgerService {
  /** The open ledger (a new one after a restore); null while the ledger is damaged. */
  readonly ledger: Ledger
  readonly backups: BackupService
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
  /** Run the daily backup check (default: true for a file ledger). */
  dailyBackups?: boolean
}

/** The ledger's quick check, or the error that kept it from opening. */
function checkLedger(ledger: Ledger): string | null {
  try {
    const result = ledger.sqlite.pragma('quick_check(1)', { simple: true }) as string
    return result === 'ok' ? null : result
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

/**
 * Opens, checks and migrates the ledger and returns the service every transport calls. Throws
 * LedgerTooNewError (file untouched) for a ledger written by a newer build. A ledger that fails
 * its check is never used: the service then answers only what it takes to restore a backup.
 */
export async function openLedgerService(options: LedgerServiceOptions): Promise<LedgerService> {
  const memory = options.databasePath === ':memory:'
  if (!memory) fs.mkdirSync(path.dirname(options.databasePath), { recursive: true })
  const clock = options.clock ?? systemClock
  const log = options.log ?? ((message: string, error?: unknown) => console.error(`[repair-ledger] ${message}`, error))
  const secrets = options.secrets ?? keyFileSecretBox(options.databasePath)
  const sessions = new SessionStore()
  const pinGuard = new PinGuard()
  // Plain http:// endpoints on this computer only when asked for (the sync tests' mock server).
  const allowLoopbackHttp = (options.sync && options.sync.allowLoopbackHttp) ?? process.env.REPAIR_LEDGER_SYNC_ALLOW_LOOPBACK_HTTP === '1'
  const open = () => openLedger(options.databasePath, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})

  let ledger: Ledger | null = null
  let problem: string | null = null
  try {
    ledger = open()
    problem = checkLedger(ledger)
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error)
  }
  if (problem !== null) {
    log(`the ledger failed its check at start: ${problem}`)
    ledger?.close()
    ledger = null
  }

  let worker: SyncWorker | undefined
  let stopCheckpoints = () => {}
  const backups = new BackupService({
    databasePath: options.databasePath,
    clock,
    log,
    ...(options.nativeBinding && { nativeBinding: options.nativeBinding }),
    current: () => ledger,
    replaceLedger: async (install, progress) => {
      await stopLedger()
      ledger?.close()
      ledger = null
      install()
      progress('migrating', 0, 1)
      const next = open()
      const bad = checkLedger(next)
      if (bad !== null) {
        next.close()
        throw new AppError('CONFLICT', 'errors.backupDamaged', { problem: bad.slice(0, 200) })
      }
      await migrateLedger(next)
      progress('migrating', 1, 1)
      await startLedger(next)
      problem = null
      // Whoever was signed in signed in to the old ledger.
      sessions.clear()
    },
  })
  const base: Omit<DispatchContext, 'clientKey' | 'db'> = {
    clock,
    sessions,
    pinGuard,
    info: { name: 'Repair Ledger', version: options.version, databasePath: path.resolve(options.databasePath), transport: options.transport },
    hashPin,
    verifyPin,
    log,
    secrets,
    sync: { allowLoopbackHttp, wake: () => worker?.wake() },
    backups,
  }

  async function startLedger(next: Ledger): Promise<void> {
    ledger = next
    stopCheckpoints = memory ? () => {} : idleCheckpoints(next.sqlite)
    worker = options.sync === false ? undefined : new SyncWorker({ db: next.db, clock, secrets, log, ...options.sync, allowLoopbackHttp })
    await worker?.start()
  }

  async function stopLedger(): Promise<void> {
    await worker?.stop()
    worker = undefined
    stopCheckpoints()
  }

  if (ledger) {
    try {
      // A verified backup in the backup folder before any migration changes an existing ledger.
      await migrateLedger(ledger, { backup: (current) => backups.beforeMigration(current) })
    } catch (error) {
      ledger.close()
      throw error
    }
    await startLedger(ledger)
    if (options.dailyBackups ?? !memory) backups.startDaily()
  }

  return {
    get ledger() {
      if (!ledger) throw new Error('the ledger is damaged: restore a backup')
      return ledger
    },
    backups,
    call: (clientKey, channel, input) => {
      if (!ledger) return damagedCall(channel, input, { ...base, clientKey, problem: problem ?? 'unknown' })
      return dispatch(channel, input, { ...base, db: ledger.db, clientKey })
    },
    forgetClient: (clientKey) => sessions.delete(clientKey),
    close: () => {
      backups.stop()
      void stopLedger()
      ledger?.close()
    },
  }
}
