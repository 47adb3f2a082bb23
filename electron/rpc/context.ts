import type { Kysely, Transaction } from 'kysely'
import type { ChannelName, OutputOf, ParsedInputOf } from '../../shared/contract'
import type { AppInfoDto } from '../../shared/dto/settings'
import type { StaffRow } from '../../db/ledger/staff'
import type { DB } from '../../db/schema'
import type { Clock } from '../core/clock'
import type { PinGuard } from '../core/pin-guard'
import type { BackupService } from '../core/backup-service'
import type { SecretBox } from '../core/secret-box'
import type { SessionStore } from '../core/sessions'

/** Everything a call needs; tests build one with a fixed clock and an in-memory ledger. */
export interface DispatchContext {
  db: Kysely<DB>
  clock: Clock
  sessions: SessionStore
  pinGuard: PinGuard
  /** Identifies the caller's session: `ipc:<id>`, `web:<token>` or a test's name. */
  clientKey: string
  info: Omit<AppInfoDto, 'schemaVersion' | 'ledger'>
  hashPin(pin: string): Promise<string>
  verifyPin(pin: string, stored: string): Promise<boolean>
  log?(message: string, error?: unknown): void
  /** Seals secrets kept in the ledger (sync API tokens). Required by the channels that store one. */
  secrets?: SecretBox
  /** The claim sync worker: woken when a batch is queued or retried. */
  sync?: SyncHooks
  /** Backups of this ledger (absent where there is nothing to back up to). */
  backups?: BackupService
}

export interface SyncHooks {
  /** Plain http:// to loopback endpoints is allowed (tests and a local relay only). */
  allowLoopbackHttp: boolean
  /** Look at the outbox now rather than at the next timer. */
  wake(): void
}

/** What a handler sees: the context plus the signed-in staff member (null on public channels). */
export interface HandlerContext extends DispatchContext {
  staff: StaffRow | null
  nowMs: number
  /** Runs `work` in one transaction; everything it writes commits or nothing does. */
  write<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T>
}

export type Handler<C extends ChannelName> = (input: ParsedInputOf<C>, ctx: HandlerContext) => Promise<OutputOf<C>>

export type HandlerMap = { [C in ChannelName]: Handler<C> }

/** The staff member on a channel whose access is 'staff' or 'owner' (dispatch guarantees one). */
export function signedIn(ctx: HandlerContext): StaffRow {
  if (!ctx.staff) throw new Error('handler reached without a signed-in staff member')
  return ctx.staff
}
