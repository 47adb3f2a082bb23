import type { TFunction } from 'i18next'
import { DecimalParseError } from '../../shared/money'
import { RpcFailure } from './api'

/** Per-form error state: translated messages keyed by field path ('shop.shopName'), plus a general one. */
export interface FormErrors {
  fields: Record<string, string>
  general: string | null
}

export const noErrors: FormErrors = { fields: {}, general: null }

/** The translated text for any error the renderer can meet; unknown keys fall back to the English message. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof RpcFailure) return translateKey(t, error.error.messageKey, error.error.params, error.message)
  if (error instanceof DecimalParseError) return translateKey(t, error.messageKey, error.params, error.message)
  return t('errors.internal')
}

/**
 * Splits a failed call into field messages (for issues whose path names a field of this form, or
 * for error keys that clearly belong to one field, e.g. errors.staffNameTaken → name) and one
 * general message for everything else.
 */
export function formErrorsFrom(
  t: TFunction,
  error: unknown,
  fieldPaths: readonly string[],
  keyToField: Record<string, string> = {},
): FormErrors {
  if (!(error instanceof RpcFailure)) return { fields: {}, general: errorMessage(t, error) }
  const { issues, messageKey } = error.error
  const owningField = keyToField[messageKey]
  if (owningField) return { fields: { [owningField]: errorMessage(t, error) }, general: null }
  if (!issues?.length) return { fields: {}, general: errorMessage(t, error) }

  const fields: Record<string, string> = {}
  const unplaced: string[] = []
  for (const issue of issues) {
    const path = issue.path.join('.')
    const text = translateKey(t, issue.messageKey, issue.params, issue.message)
    if (fieldPaths.includes(path) && !fields[path]) fields[path] = text
    else if (!fieldPaths.includes(path)) unplaced.push(text)
  }
  const general = unplaced.length ? unplaced.join(' ') : t('errors.invalidInput')
  return { fields, general }
}

function translateKey(t: TFunction, key: string, params: Record<string, string | number> | undefined, fallback: string) {
  const text = t(key, { ...translatedParams(t, key, params), defaultValue: '' })
  return text || fallback || t('errors.internal')
}

/** Keys whose params are codes, not text: the ledger names statuses, the renderer words them. */
const statusParamKeys = new Set(['errors.illegalTransition', 'errors.partsNotNow'])

function translatedParams(t: TFunction, key: string, params: Record<string, string | number> | undefined) {
  if (!params || !statusParamKeys.has(key)) return params
  const word = (code: string | number | undefined) =>
    code === undefined ? '' : t(`ticketStatus.${code}`, { defaultValue: t(`ticketAction.${code}`, { defaultValue: String(code) }) })
  const words = { ...params }
  for (const name of ['from', 'to', 'status'] as const) if (params[name] !== undefined) words[name] = word(params[name])
  return words
}
