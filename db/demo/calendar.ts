import type { Rng } from './random'

// The shop's calendar in whole days since 1970-01-01 (UTC date arithmetic). Shanghai has kept
// UTC+8 without daylight saving since 1991, so a shop-local instant is a fixed offset away.

const dayMs = 86_400_000
const shanghaiOffsetMs = 8 * 3_600_000

export const openingMinute = 9 * 60 + 30
export const closingMinute = 20 * 60

export function dayOf(date: string): number {
  return Math.round(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / dayMs)
}

export function dateOf(day: number): string {
  return new Date(day * dayMs).toISOString().slice(0, 10)
}

/** The instant of `minute` past local midnight on `day` in Shanghai. */
export function shopInstant(day: number, minute: number): number {
  return day * dayMs + minute * 60_000 - shanghaiOffsetMs
}

export function shopDayOf(instantMs: number): number {
  return Math.floor((instantMs + shanghaiOffsetMs) / dayMs)
}

export function shopMinuteOf(instantMs: number): number {
  return Math.floor(((instantMs + shanghaiOffsetMs) % dayMs) / 60_000)
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7
}

// Spring Festival (day one of the lunar year). The shop closes on the eve and the first two days.
const springFestival: Record<number, string> = {
  2010: '2010-02-14', 2011: '2011-02-03', 2012: '2012-01-23', 2013: '2013-02-10', 2014: '2014-01-31',
  2015: '2015-02-19', 2016: '2016-02-08', 2017: '2017-01-28', 2018: '2018-02-16', 2019: '2019-02-05',
  2020: '2020-01-25', 2021: '2021-02-12', 2022: '2022-02-01', 2023: '2023-01-22', 2024: '2024-02-10',
  2025: '2025-01-29', 2026: '2026-02-17', 2027: '2027-02-06', 2028: '2028-01-26', 2029: '2029-02-13',
  2030: '2030-02-03',
}

function festivalDay(year: number): number | null {
  const date = springFestival[year]
  return date ? dayOf(date) : null
}

const closedDays = new Set(Object.values(springFestival).flatMap((date) => [dayOf(date) - 1, dayOf(date), dayOf(date) + 1]))

export function isClosed(day: number): boolean {
  return closedDays.has(day)
}

/** The first day the shop is open on or after `day`. */
export function nextOpenDay(day: number): number {
  let d = day
  while (isClosed(d)) d++
  return d
}

/** How many devices come in on `day`: ≈ 46 on weekdays, ≈ 60 at weekends, with the seasons. */
export function ticketsOn(day: number, rng: Rng): number {
  if (isClosed(day)) return 0
  const weekday = weekdayOf(day)
  let mean = weekday === 0 || weekday === 6 ? 60 : 46
  const date = dateOf(day)
  const month = Number(date.slice(5, 7))
  const dom = Number(date.slice(8, 10))
  if (month === 10 && dom <= 7) mean *= 0.7 // Golden Week: Shanghai travels
  else if (month === 9 || month === 10) mean *= 1.1 // new phones, old ones handed down
  else if (month === 7 || month === 8) mean *= 1.05 // summer rain, phones in water
  const festival = festivalDay(Number(date.slice(0, 4)))
  if (festival !== null && day > festival + 1 && day <= festival + 8) mean *= 1.3 // the queue after the holiday
  return Math.max(1, Math.round(mean * (0.8 + 0.4 * rng.next())))
}

const arrivalWeights: readonly (readonly [[number, number], number])[] = [
  [[openingMinute, 11 * 60], 0.8],
  [[11 * 60, 13 * 60], 1.0],
  [[13 * 60, 14 * 60], 1.3],
  [[14 * 60, 17 * 60], 0.9],
  [[17 * 60, closingMinute - 5], 1.4],
]

/** A customer's arrival minute within opening hours; lunch and after work are busiest. */
export function arrivalMinute(rng: Rng): number {
  const [from, to] = rng.weighted(arrivalWeights)
  return from + Math.floor(rng.next() * (to - from))
}
