import { createHash, randomBytes } from 'node:crypto'
import { openLedger, type Ledger } from '../../db/connection'
import { migrateLedger } from '../../db/migrate'
import type { ChannelName, InputOf, OutputOf } from '../../shared/contract'
import type { Result } from '../../shared/errors'
import { fixedClock } from '../../electron/core/clock'
import { PinGuard } from '../../electron/core/pin-guard'
import { hashPin, verifyPin } from '../../electron/core/pin-hash'
import { BackupService } from '../../electron/core/backup-service'
import { keyedSecretBox, type SecretBox } from '../../electron/core/secret-box'
import { SessionStore } from '../../electron/core/sessions'
import type { DispatchContext } from '../../electron/rpc/context'
import { dispatch } from '../../electron/rpc/dispatch'

/** 2026-11-27 09:30 in Shanghai. */
export const startMs = Date.UTC(2026, 10, 27, 1, 30)

export const shop = {
  shopName: '好修通讯维修店',
  address: '上海市徐汇区漕溪北路 88 号',
  phone: '021-5555 0100',
  currency: 'CNY',
  timeZone: 'Asia/Shanghai',
  locale: 'zh-CN' as const,
}

export interface Harness {
  ledger: Ledger
  clock: ReturnType<typeof fixedClock>
  sessions: SessionStore
  pinGuard: PinGuard
  /** The box the ledger seals sync tokens with. */
  secrets: SecretBox
  /** How often a handler woke the sync worker. */
  wakes: { count: number }
  /** A call as the given client (default 'counter'); raw input allowed to test bad input. */
  raw(channel: string, input: unknown, clientKey?: string): Promise<Result<unknown>>
  call<C extends ChannelName>(channel: C, input: InputOf<C>, clientKey?: string): Promise<OutputOf<C>>
  /** Row counts of every table, to prove a refused call wrote nothing. */
  counts(): Record<string, number>
  /** A digest of every row of every table: also catches an UPDATE that changes no count. */
  digest(): string
  close(): void
}

/** A fresh migrated in-memory ledger behind the real dispatch, with a fixed clock. */
export async function createHarness(): Promise<Harness> {
  const ledger = openLedger(':memory:')
  await migrateLedger(ledger)
  const clock = fixedClock(startMs)
  const sessions = new SessionStore()
  const pinGuard = new PinGuard()
  const secrets = keyedSecretBox(randomBytes(32))
  const wakes = { count: 0 }
  // Backups of the in-memory ledger go to a temp folder; restoring needs a file ledger (openLedgerService).
  const backups = new BackupService({ databasePath: ':memory:', clock, current: () => ledger })
  const context = (clientKey: string): DispatchContext => ({
    db: ledger.db,
    clock,
    sessions,
    pinGuard,
    clientKey,
    info: { name: 'Repair Ledger', version: 'test', databasePath: ':memory:', transport: 'direct' },
    hashPin,
    verifyPin,
    log: (message, error) => { if (process.env.LEDGER_DEBUG) console.error(message, error) },
    secrets,
    sync: { allowLoopbackHttp: true, wake: () => wakes.count++ },
    backups,
  })
  const raw = (channel: string, input: unknown, clientKey = 'counter') => dispatch(channel, input, context(clientKey))
  return {
    ledger,
    clock,
    sessions,
    pinGuard,
    secrets,
    wakes,
    raw,
    async call(channel, input, clientKey) {
      const result = await raw(channel, input, clientKey)
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`)
      return result.value as never
    },
    counts() {
      const tables = ledger.sqlite
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
        .all() as { name: string }[]
      return Object.fromEntries(tables.map(({ name }) => [name, (ledger.sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]))
    },
    digest() {
      const tables = ledger.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]
      const hash = createHash('sha256')
      for (const { name } of tables) {
        const rows = (ledger.sqlite.prepare(`SELECT * FROM "${name}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()
        hash.update(`${name}\n${rows.join('\n')}\n`)
      }
      return hash.digest('hex')
    },
    close: () => ledger.close(),
  }
}

/** Completes setup as owner "王店主" with PIN 246810 and returns the owner's id. */
export async function setUpShop(h: Harness, clientKey = 'counter'): Promise<number> {
  const session = await h.call('setup.complete', { shop, owner: { name: '王店主', pin: '246810' } }, clientKey)
  return session.staff.id
}

export function expectError(result: Result<unknown>): NonNullable<Extract<Result<unknown>, { ok: false }>['error']> {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`)
  return result.error
}
