import { addMonths, format } from 'date-fns'

// Business dates are plain `YYYY-MM-DD` in the shop's time zone; instants are UTC milliseconds.
// Date-only arithmetic runs on local-noon dates so the machine's own zone can never shift a day.

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * The years a business date may fall in: wide enough for any purchase or repair, narrow enough
 * that the ledger's date arithmetic (claim windows of up to ten years, warranties of up to 120
 * months, the day after a report's last day) stays in four-digit years that parse back.
 */
export const businessYears = { first: 1900, last: 2999 } as const

/** True for a real calendar date in `YYYY-MM-DD` form (2026-02-30 is not) within `businessYears`. */
export function isBusinessDate(value: string): boolean {
  const match = isoDate.exec(value)
  if (!match) return false
  const year = Number(match[1])
  if (year < businessYears.first || year > businessYears.last) return false
  return isoOfDay(dayNumber(value)) === value
}

const isoDateFormats = new Map<string, Intl.DateTimeFormat>()

/** The shop-local calendar date of an instant (one cached formatter per zone: this is hot). */
export function businessDateOf(instantMs: number, timeZone: string): string {
  let formatter = isoDateFormats.get(timeZone)
  if (!formatter) {
    // en-CA formats dates as YYYY-MM-DD.
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    isoDateFormats.set(timeZone, formatter)
  }
  return formatter.format(instantMs)
}

/** Adds calendar months; a day that does not exist clamps to the month's end (Feb 29 + 12 → Feb 28). */
export function addMonthsToDate(date: string, months: number): string {
  return format(addMonths(toUtcDate(date), months), 'yyyy-MM-dd')
}

export function addDaysToDate(date: string, days: number): string {
  return isoOfDay(dayNumber(date) + days)
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from)
}

const msPerDay = 86_400_000

/**
 * Days since 1970-01-01 of a calendar date, by plain integer arithmetic on UTC (no zone can
 * shift it). Claim validation adds and compares dates for every claim on a page: date-fns'
 * formatting made that the slowest part of a claims list.
 */
function dayNumber(value: string): number {
  const match = isoDate.exec(value)
  if (!match) throw new Error(`not a YYYY-MM-DD date: ${value}`)
  return Math.round(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / msPerDay)
}

function isoOfDay(day: number): string {
  return new Date(day * msPerDay).toISOString().slice(0, 10)
}

// Local noon: date-fns works in the machine's zone, and noon never falls in a DST gap, so the
// calendar day survives any zone the app runs in (and is much cheaper than a TZDate).
function toUtcDate(value: string): Date {
  const match = isoDate.exec(value)
  if (!match) throw new Error(`not a YYYY-MM-DD date: ${value}`)
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12)
}

/**
 * The first instant of a business date in the shop's zone (local midnight, or the first moment
 * after it when a DST change skips midnight). Found by search on `businessDateOf`, so it agrees
 * with it exactly: the day runs from this instant to the next day's.
 */
export function startOfBusinessDate(date: string, timeZone: string): number {
  const match = isoDate.exec(date)
  if (!match) throw new Error(`not a YYYY-MM-DD date: ${date}`)
  // Every zone's offset is within ±14 h: the start lies in this window around UTC midnight.
  let low = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) - 15 * 3_600_000
  let high = low + 30 * 3_600_000
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2)
    if (businessDateOf(mid, timeZone) < date) low = mid
    else high = mid
  }
  return high
}
