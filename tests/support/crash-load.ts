import type { Acknowledged } from './crash-ledger'
import { rpcCall, type CrashServer } from './crash-server'

// The stream of writes the crash-safety test keeps in flight while it kills the server: intakes
// (some with a deposit) and deposits on tickets already taken in, several at once.

/** mulberry32: a small seeded PRNG, so a failing run can be replayed with its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface LoadStats {
  sent: number
  acknowledged: number
  /** No answer: connection reset or refused by the kill. */
  cut: number
  /** Answered with ok: false. The inputs are valid, so any of these is a failure of the test. */
  refused: string[]
}

export interface LoadOptions {
  server: Pick<CrashServer, 'base' | 'token'>
  random: () => number
  acked: Acknowledged
  modelId: number
  /** Unique per run, for device serials. */
  tag: string
  concurrency: number
}

interface IntakeValue {
  id: number
  number: string
  events: { kind: string; data: { paymentId?: number; amountMinor?: number } }[]
}

interface PaymentValue {
  payment: { id: number; ticket: { id: number }; amountMinor: number }
}

/**
 * Starts `concurrency` workers that each send one write after another until `stop()`; every
 * write whose ok answer arrives goes into `acked`. `stop()` resolves once all workers have
 * returned (after a kill, their calls fail fast).
 */
export function startLoad(options: LoadOptions, stats: LoadStats): { stop(): Promise<void>; inFlight(): number; acknowledged(): number } {
  const { server, random, acked, modelId, tag } = options
  let stopped = false
  let inFlight = 0
  let acknowledged = 0
  let serial = 0
  const ticketIds = () => [...acked.tickets.keys()]

  async function intake(withDeposit: boolean): Promise<void> {
    const n = ++serial
    const deposit = withDeposit ? { amountMinor: 100 + Math.floor(random() * 50_000), method: 'wechat' as const } : undefined
    const outcome = await send<IntakeValue>('tickets.intake', {
      customer: { new: { name: `崩溃测试 ${tag}-${n}`, phone: `139${String(n).padStart(8, '0')}` } },
      device: { new: { modelId, serial: `CR-${tag}-${n}` }, purchaseDate: null },
      reportedFault: '充电时不开机 / no power when charging',
      condition: ['screen_cracked'],
      accessories: ['charger'],
      promisedDate: null,
      ...(deposit && { deposit }),
    })
    if (!outcome) return
    acked.tickets.set(outcome.id, { id: outcome.id, number: outcome.number })
    if (deposit) {
      const event = outcome.events.find((e) => e.kind === 'deposit')
      const paymentId = event?.data.paymentId
      if (typeof paymentId !== 'number') stats.refused.push(`intake ${outcome.number} acknowledged without its deposit event`)
      else acked.payments.set(paymentId, { id: paymentId, ticketId: outcome.id, amountMinor: deposit.amountMinor })
    }
  }

  async function payment(): Promise<void> {
    const ids = ticketIds()
    const ticketId = ids[Math.floor(random() * ids.length)]
    if (ticketId === undefined) return intake(false)
    const amountMinor = 100 + Math.floor(random() * 20_000)
    const outcome = await send<PaymentValue>('payments.record', { ticketId, amountMinor, method: random() < 0.5 ? 'card' : 'alipay', reference: `crash ${tag}` })
    if (!outcome) return
    const p = outcome.payment
    acked.payments.set(p.id, { id: p.id, ticketId: p.ticket.id, amountMinor: p.amountMinor })
    if (p.ticket.id !== ticketId || p.amountMinor !== amountMinor) stats.refused.push(`payment ${p.id} answered for ticket ${p.ticket.id} / ${p.amountMinor}, sent ${ticketId} / ${amountMinor}`)
  }

  async function send<T>(channel: string, input: unknown): Promise<T | undefined> {
    stats.sent++
    inFlight++
    const outcome = await rpcCall<T>(server, channel, input).finally(() => inFlight--)
    if (outcome.kind === 'ok') {
      stats.acknowledged++
      acknowledged++
      return outcome.value
    }
    if (outcome.kind === 'cut') stats.cut++
    else stats.refused.push(`${channel} → ${outcome.status} ${JSON.stringify(outcome.error)}`)
    return undefined
  }

  async function worker(): Promise<void> {
    while (!stopped) {
      const roll = random()
      if (roll < 0.45) await intake(false)
      else if (roll < 0.6) await intake(true)
      else await payment()
    }
  }

  const workers = Array.from({ length: options.concurrency }, () => worker())
  return {
    inFlight: () => inFlight,
    acknowledged: () => acknowledged,
    stop: async () => {
      stopped = true
      await Promise.all(workers)
    },
  }
}
