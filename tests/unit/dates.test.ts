import { addDays, differenceInCalendarDays, format } from 'date-fns'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDaysToDate, daysBetween, isBusinessDate } from '../../shared/dates'

// The date arithmetic claim validation runs for every claim is plain integer arithmetic on UTC
// days; it must agree with date-fns (the reference) on every date the ledger accepts.

const day = fc.date({ min: new Date(1900, 0, 1, 12), max: new Date(2999, 11, 31, 12), noInvalidDate: true }).map((d) => format(d, 'yyyy-MM-dd'))
const noon = (iso: string) => new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)), 12)

describe('business date arithmetic', () => {
  it('adds days and counts days between as date-fns does', () => {
    fc.assert(
      fc.property(day, day, fc.integer({ min: -4000, max: 4000 }), (a, b, n) => {
        expect(addDaysToDate(a, n)).toBe(format(addDays(noon(a), n), 'yyyy-MM-dd'))
        expect(daysBetween(a, b)).toBe(differenceInCalendarDays(noon(b), noon(a)))
      }),
      { numRuns: 2000 },
    )
  })

  it('knows real dates from impossible ones', () => {
    expect(['2024-02-29', '2000-02-29', '1900-01-01', '2999-12-31'].map(isBusinessDate)).toEqual([true, true, true, true])
    expect(['2023-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '1899-12-31', '3000-01-01', '2026-1-01'].map(isBusinessDate)).toEqual(Array(7).fill(false))
  })
})
