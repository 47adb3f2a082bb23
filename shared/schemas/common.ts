import { z } from 'zod'
import { supportedLocales } from '../locales'

// Error messages are i18n keys; dispatch maps zod issues to translated field errors.

/** Trimmed text with a length limit; empty rejected when required. */
export function text(max: number) {
  return z.string({ error: 'validation.text' }).trim().max(max, { error: 'validation.tooLong' })
}

export function requiredText(max: number) {
  return text(max).min(1, { error: 'validation.required' })
}

export const Id = z.number({ error: 'validation.id' }).int({ error: 'validation.id' }).positive({ error: 'validation.id' }).max(Number.MAX_SAFE_INTEGER, { error: 'validation.id' })

export const Pin = z.string({ error: 'validation.pin' }).regex(/^\d{4,8}$/, { error: 'validation.pin' })

export const LocaleSchema = z.enum(supportedLocales, { error: 'validation.locale' })

export const CurrencyCode = z
  .string({ error: 'validation.currency' })
  .regex(/^[A-Z]{3}$/, { error: 'validation.currency' })
  .refine((code) => Intl.supportedValuesOf('currency').includes(code), { error: 'validation.currency' })

export const TimeZone = z
  .string({ error: 'validation.timeZone' })
  .min(1, { error: 'validation.timeZone' })
  .max(64, { error: 'validation.timeZone' })
  .refine(isValidTimeZone, { error: 'validation.timeZone' })

/** Basis points, 0–100 %: 1300 = 13 %. */
export const TaxRateBp = z
  .number({ error: 'validation.taxRate' })
  .int({ error: 'validation.taxRate' })
  .min(0, { error: 'validation.taxRate' })
  .max(10_000, { error: 'validation.taxRate' })

export const Empty = z.strictObject({})

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/** An absolute path on this computer (POSIX, drive letter or UNC): folders are typed, web mode has no picker. */
export function AbsolutePath(error: string) {
  return z
    .string({ error })
    .trim()
    .min(1, { error })
    .max(1000, { error })
    .refine((v) => v.startsWith('/') || /^[A-Za-z]:[\\/]/.test(v) || v.startsWith('\\\\'), { error })
}

/** Chosen by a screen so it can ask how far a long job (an export, a backup) has got while it runs. */
export const JobId = z.string({ error: 'validation.jobId' }).regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'validation.jobId' })
