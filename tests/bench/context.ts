import type { Ledger } from '../../db/connection'
import { shopInstant, closingMinute, dayOf } from '../../db/demo/calendar'
import { demoStaff } from '../../db/demo/pins'
import type { ChannelName, InputOf, OutputOf } from '../../shared/contract'
import { fixedClock } from '../../electron/core/clock'
import { PinGuard } from '../../electron/core/pin-guard'
import { hashPin, verifyPin } from '../../electron/core/pin-hash'
import { SessionStore } from '../../electron/core/sessions'
import type { DispatchContext } from '../../electron/rpc/context'
import { dispatch } from '../../electron/rpc/dispatch'

export interface DemoClient {
  context: DispatchContext
  clock: ReturnType<typeof fixedClock>
  call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>>
}

/**
 * The real dispatch over a demo ledger, the clock at the demo's closing time on `end`, signed in
 * as a demo technician with the demo PIN (so the seeded PIN hashes are checked too).
 */
export async function demoClient(ledger: Ledger, end: string, staffName = '李师傅'): Promise<DemoClient> {
  const clock = fixedClock(shopInstant(dayOf(end), closingMinute))
  const context: DispatchContext = {
    db: ledger.db,
    clock,
    sessions: new SessionStore(),
    pinGuard: new PinGuard(),
    clientKey: 'bench',
    info: { name: 'Repair Ledger', version: 'bench', databasePath: ledger.path, transport: 'direct' },
    hashPin,
    verifyPin,
    log: (message, error) => console.error(message, error),
  }
  const call = async <C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> => {
    const result = await dispatch(channel, input, context)
    if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`)
    return result.value as OutputOf<C>
  }
  const person = demoStaff.find((s) => s.name === staffName)
  const row = ledger.sqlite.prepare('SELECT id FROM staff WHERE name = ?').get(staffName) as { id: number } | undefined
  if (!person || !row) throw new Error(`no demo staff member ${staffName}`)
  await call('auth.signIn', { staffId: row.id, pin: person.pin })
  return { context, clock, call }
}
