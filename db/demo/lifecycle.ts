import type { TicketStatus } from '../../shared/tickets'
import { closingMinute, nextOpenDay, openingMinute, shopDayOf, shopInstant, shopMinuteOf } from './calendar'
import type { Rng } from './random'
import { cancelReasons } from './vocabulary'

// What happens to a ticket after intake, planned in full at intake; the generator keeps the
// steps that fall before the demo's "now". Follows PRODUCT.md §4: warranty work skips approval,
// paid work may be declined (handed back unrepaired), any open ticket may be cancelled.

export interface PlannedStep {
  atMs: number
  from: TicketStatus
  to: TicketStatus
  note: string
}

/** An instant `days` shop days after `prevMs` (same day: a little later), within opening hours. */
function later(rng: Rng, prevMs: number, days: number): number {
  if (days === 0) {
    const t = prevMs + rng.int(10, 150) * 60_000
    if (shopDayOf(t) === shopDayOf(prevMs) && shopMinuteOf(t) < closingMinute) return t
    return shopInstant(nextOpenDay(shopDayOf(prevMs) + 1), openingMinute + rng.int(0, 90))
  }
  return shopInstant(nextOpenDay(shopDayOf(prevMs) + days), openingMinute + rng.int(0, closingMinute - openingMinute - 10))
}

function pickupDelay(rng: Rng): number | null {
  return rng.weighted<() => number | null>([
    [() => 0, 25],
    [() => 1, 30],
    [() => rng.int(2, 5), 30],
    [() => rng.int(6, 20), 12],
    [() => rng.int(21, 60), 2.8],
    [() => null, 0.2], // never collected
  ])()
}

export function planLifecycle(rng: Rng, receivedMs: number, inWarranty: boolean): PlannedStep[] {
  const steps: PlannedStep[] = []
  let at = receivedMs
  let status: TicketStatus = 'received'
  const go = (to: TicketStatus, days: number, note = '') => {
    at = later(rng, at, days)
    steps.push({ atMs: at, from: status, to, note })
    status = to
  }
  const cancel = () => go('cancelled', rng.int(0, 3), rng.pick(cancelReasons))
  const willCancel = rng.chance(0.025)

  // Devices left in the last hour and a half wait on the shelf until the morning.
  go('diagnosing', shopMinuteOf(receivedMs) >= closingMinute - 90 ? 1 : 0)
  if (willCancel && rng.chance(0.4)) {
    cancel()
    return steps
  }
  if (!inWarranty) {
    go('awaiting_approval', rng.weighted([[0, 6], [1, 3], [2, 1]] as const))
    if (willCancel) {
      cancel()
      return steps
    }
    if (rng.chance(0.12)) {
      go('declined', rng.int(0, 2))
      go('ready', rng.int(0, 1))
      return collect(rng, steps, go)
    }
  } else if (willCancel) {
    cancel()
    return steps
  }
  if (rng.chance(0.22)) {
    go('awaiting_parts', rng.int(0, 1))
    go('in_repair', rng.int(2, 14))
  } else {
    go('in_repair', rng.weighted([[0, 7], [1, 3]] as const))
  }
  go('ready', rng.weighted([[0, 6], [1, 3], [2, 1]] as const))
  return collect(rng, steps, go)
}

function collect(rng: Rng, steps: PlannedStep[], go: (to: TicketStatus, days: number, note?: string) => void): PlannedStep[] {
  const delay = pickupDelay(rng)
  // An unclaimed device is kept for a few months, then written off.
  if (delay === null) go('cancelled', rng.int(90, 180), '超过保管期未取机，按规定处理')
  else go('collected', delay)
  return steps
}
