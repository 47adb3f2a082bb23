import { z } from 'zod'
import { cashMovementKinds, paymentMethods } from '../payments'
import { Id, requiredText, text } from './common'
import { BusinessDate } from './dates'
import { AmountMinor, OwnerApproval } from './workflow'

// Inputs of invoices, payments, refunds and the cash drawer.

/** A positive amount in minor units: zero is refused like a negative one. */
export const PositiveAmount = AmountMinor.refine((v) => v > 0, { error: 'validation.amountZero' })

export const PaymentMethodSchema = z.enum(paymentMethods, { error: 'validation.paymentMethod' })


/** Money taken for a ticket; shared by intake's deposit and payments.record. */
export const PaymentFields = {
  amountMinor: PositiveAmount,
  method: PaymentMethodSchema,
  /** Cash handed over, when more than the amount: the change is given back. */
  tenderedMinor: AmountMinor.optional(),
  reference: text(80).default(''),
}

export const IntakeDeposit = z
  .strictObject(PaymentFields)
  .refine((p) => p.tenderedMinor === undefined || p.method === 'cash', { error: 'validation.tenderedCashOnly', path: ['tenderedMinor'] })
  .refine((p) => p.tenderedMinor === undefined || p.tenderedMinor >= p.amountMinor, { error: 'validation.tenderedTooLittle', path: ['tenderedMinor'] })

export const RecordPaymentInput = z
  .strictObject({ ticketId: Id, ...PaymentFields })
  .refine((p) => p.tenderedMinor === undefined || p.method === 'cash', { error: 'validation.tenderedCashOnly', path: ['tenderedMinor'] })
  .refine((p) => p.tenderedMinor === undefined || p.tenderedMinor >= p.amountMinor, { error: 'validation.tenderedTooLittle', path: ['tenderedMinor'] })

export const RefundInput = z.strictObject({
  paymentId: Id,
  amountMinor: PositiveAmount,
  reason: requiredText(300),
  /** Defaults to the method of the payment refunded. */
  method: PaymentMethodSchema.optional(),
  approval: OwnerApproval,
})

export const PaymentListInput = z.strictObject({
  /** A business date in the shop's time zone; default today. */
  date: BusinessDate.optional(),
  ticketId: Id.optional(),
})

export const InvoiceInput = z.strictObject({ id: Id })

export const CashOpenInput = z.strictObject({ floatMinor: AmountMinor, note: text(300).default('') })

export const CashCloseInput = z
  .strictObject({
    countedMinor: AmountMinor,
    /** Optional count by denomination; when given it must add up to the counted amount. */
    denominations: z
      .array(z.strictObject({ valueMinor: PositiveAmount, count: z.number({ error: 'validation.count' }).int({ error: 'validation.count' }).min(0, { error: 'validation.count' }).max(100_000, { error: 'validation.count' }) }), {
        error: 'validation.denominations',
      })
      .max(30, { error: 'validation.denominations' })
      .optional(),
    note: text(300).default(''),
  })
  .refine((c) => c.denominations === undefined || c.denominations.reduce((sum, d) => sum + d.valueMinor * d.count, 0) === c.countedMinor, {
    error: 'validation.denominationsSum',
    path: ['denominations'],
  })

export const CashMovementInput = z.strictObject({
  kind: z.enum(cashMovementKinds, { error: 'validation.cashMovementKind' }),
  amountMinor: PositiveAmount,
  reason: requiredText(300),
})
