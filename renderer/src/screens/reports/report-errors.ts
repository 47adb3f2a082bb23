import type { TFunction } from 'i18next'
import { formErrorsFrom } from '../../errors'

/**
 * A report that failed because the ledger refused a date: the translated messages by the date
 * fields they name (the ledger is the judge of dates and ranges, e.g. a reversed or too-long
 * period). Null for any other failure, which the view shows as a load error with a retry.
 */
export function dateFieldErrors(t: TFunction, error: unknown, fields: readonly string[]): Record<string, string> | null {
  if (!error) return null
  const { fields: byField } = formErrorsFrom(t, error, fields)
  return Object.keys(byField).length > 0 ? byField : null
}
