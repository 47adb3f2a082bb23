import { z } from 'zod'
import { daysBetween, isBusinessDate } from '../dates'
import { BusinessDate } from './dates'

/** The longest period the metrics screen computes at once (a year, leap day included). */
export const maxReportDays = 366

export const DailyReportInput = z.strictObject({ date: BusinessDate })

export const PeriodReportInput = z
  .strictObject({ from: BusinessDate, to: BusinessDate })
  .refine((r) => r.from <= r.to, { error: 'validation.rangeReversed', path: ['to'] })
  // Object refinements run even when a field failed its own check: only measure two real dates.
  .refine((r) => !isBusinessDate(r.from) || !isBusinessDate(r.to) || r.from > r.to || daysBetween(r.from, r.to) + 1 <= maxReportDays, {
    error: 'validation.rangeTooLong',
    path: ['to'],
  })
