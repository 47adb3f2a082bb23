// Payment vocabulary shared by the ledger and the UI.

/** How money crossed the counter; the UI translates `payments.method.<method>`. */
export const paymentMethods = ['cash', 'card', 'wechat', 'alipay', 'bank_transfer', 'other'] as const
export type PaymentMethod = (typeof paymentMethods)[number]

/** A deposit is taken before the repair is done; a payment after; a refund is negative. */
export const paymentKinds = ['deposit', 'payment', 'refund'] as const
export type PaymentKind = (typeof paymentKinds)[number]

export const cashMovementKinds = ['paid_in', 'paid_out'] as const
export type CashMovementKind = (typeof cashMovementKinds)[number]

/** Notes and coins a drawer is counted in, in fen (CNY). */
export const cnyDenominationsMinor = [10_000, 5_000, 2_000, 1_000, 500, 100, 50, 10] as const

export interface DrawerFigures {
  floatMinor: number
  /** Cash taken in payments and deposits. */
  cashInMinor: number
  /** Cash handed back in refunds (a positive amount). */
  cashRefundsMinor: number
  paidInMinor: number
  paidOutMinor: number
}

/** What should be in the drawer: float + cash in − cash refunds + paid in − paid out. */
export function expectedCash(f: DrawerFigures): number {
  return f.floatMinor + f.cashInMinor - f.cashRefundsMinor + f.paidInMinor - f.paidOutMinor
}
