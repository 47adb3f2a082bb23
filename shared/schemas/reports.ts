import { z } from 'zod'
import { daysBetween } from '../dates'
import { BusinessDate } from './dates'

/** The longest period the metrics screen computes at once (a year, leap day included). */
export const maxReportDays = 366

export const DailyReportInput = z.strictObject({ date: BusinessDate })

export const PeriodReportInput = z
  .strictObject({ from: BusinessDate, to: BusinessDate })
  .refine((r) => r.from <= r.to, { error: 'validation.rangeReversed', path: ['to'] })
  .refine((r) => r.from > r.to || daysBetween(r.from, r.to) + 1 <= maxReportDays, { error: 'validation.rangeTooLong', path: ['to'] })
