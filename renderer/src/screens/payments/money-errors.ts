import { RpcFailure } from '../../api'

/**
 * The ledger names amounts in its refusals as integer minor units ({balance: 12550}); these are
 * the keys and params that carry one, so they can be shown as money ("¥125.50") rather than as a
 * bare number. Keyed by message, because a param name alone is ambiguous (validation.invalidType
 * has an `expected` that is a type name).
 */
const moneyParamsByKey: Record<string, readonly string[]> = {
  'errors.overpayment': ['balance'],
  'errors.balanceDue': ['balance'],
  'errors.creditDue': ['credit'],
  'errors.refundTooMuch': ['refundable'],
  'errors.drawerTooLittle': ['expected'],
}

type Params = Record<string, string | number> | undefined

function formatted(key: string, params: Params, money: (minor: number) => string): Params {
  const names = moneyParamsByKey[key]
  if (!params || !names) return params
  const next = { ...params }
  for (const name of names) {
    const value = params[name]
    if (typeof value === 'number') next[name] = money(value)
  }
  return next
}

/** The same failure with its money params (top level and per field) written in the shop's currency. */
export function withMoneyParams(error: unknown, money: (minor: number) => string): unknown {
  if (!(error instanceof RpcFailure)) return error
  const { messageKey, params, issues } = error.error
  const nextParams = formatted(messageKey, params, money)
  return new RpcFailure({
    ...error.error,
    ...(nextParams ? { params: nextParams } : {}),
    ...(issues ? { issues: issues.map((issue) => ({ ...issue, ...(issue.params ? { params: formatted(issue.messageKey, issue.params, money)! } : {}) })) } : {}),
  })
}
