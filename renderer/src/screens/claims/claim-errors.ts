import type { TFunction } from 'i18next'
import { RpcFailure } from '../../api'
import { claimStatuses } from '../../../../shared/claims'

// Refusals of the claims channels name amounts as integer minor units and statuses as codes; the
// screen writes them as money and in words before they are translated.

type Params = Record<string, string | number> | undefined

/** Params that are amounts, by message (besides any param whose name ends in "Minor"). */
const moneyParamsByKey: Record<string, readonly string[]> = {
  'errors.remittanceReversalTooLarge': ['paid'],
}

/** A `status` param in words: batch and outbox statuses for the messages about those, claim statuses otherwise. */
function statusWord(key: string, status: string, t: TFunction): string | null {
  if (key === 'errors.batchNotOpen') return t(`claimsScreen.batchStatus.${status}`, { defaultValue: status })
  if (key === 'errors.outboxNotRetryable') return t(`claimsScreen.syncStatus.${status}`, { defaultValue: status })
  return (claimStatuses as readonly string[]).includes(status) ? t(`claimStatus.${status}`) : null
}

function rewritten(key: string, params: Params, money: (minor: number) => string, t: TFunction): Params {
  if (!params) return params
  const next = { ...params }
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'number' && (/Minor$/.test(name) || moneyParamsByKey[key]?.includes(name))) next[name] = money(value)
  }
  const status = params.status
  if (typeof status === 'string') next.status = statusWord(key, status, t) ?? status
  return next
}

/** The same failure with its amounts written in the shop's currency and its statuses in words. */
export function withClaimWords(error: unknown, money: (minor: number) => string, t: TFunction): unknown {
  if (!(error instanceof RpcFailure)) return error
  const { messageKey, params, issues } = error.error
  const nextParams = rewritten(messageKey, params, money, t)
  return new RpcFailure({
    ...error.error,
    ...(nextParams ? { params: nextParams } : {}),
    ...(issues ? { issues: issues.map((issue) => ({ ...issue, ...(issue.params ? { params: rewritten(issue.messageKey, issue.params, money, t)! } : {}) })) } : {}),
  })
}
