import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { InvoiceDto, PaymentDto } from '../../../../shared/dto/payments'
import { DecimalParseError } from '../../../../shared/money'
import type { PaymentMethod } from '../../../../shared/payments'
import { Field } from '../../components/Field'
import { errorMessage } from '../../errors'
import { useShopFormat } from '../../shop-format'
import { amountText, parseAmount, parsePositiveAmount } from '../payments/amount-text'
import { AmountField, MethodField, TenderedField } from '../payments/MoneyFields'
import { useMoneyForm } from '../payments/payment-hooks'
import { QuickForm } from '../payments/QuickForm'

const fieldPaths = ['amountMinor', 'method', 'tenderedMinor', 'reference']

/**
 * Money taken at the counter, by keyboard: the amount (the balance, ready), the method, for cash
 * what was handed over with the change shown as it is typed, a reference, Enter. Before the repair
 * is done the ledger records it as a deposit.
 */
export function TakePaymentForm({ invoice, onClose, onDone }: { invoice: InvoiceDto; onClose: () => void; onDone: (payment: PaymentDto) => void }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const [amount, setAmount] = useState(invoice.priced && invoice.balanceMinor > 0 ? amountText(invoice.balanceMinor, format.currency) : '')
  const [method, setMethod] = useState<PaymentMethod>('cash')
  const [tendered, setTendered] = useState('')
  const [reference, setReference] = useState('')
  const form = useMoneyForm('payments.record', fieldPaths, (result) => onDone(result.payment))
  const id = 'take-payment'

  const submit = () => {
    const fields: Record<string, string> = {}
    const amountMinor = parsePositiveAmount(amount, format.currency)
    if (amountMinor instanceof DecimalParseError) fields.amountMinor = errorMessage(t, amountMinor)
    let tenderedMinor: number | undefined
    if (method === 'cash' && tendered.trim()) {
      const handed = parseAmount(tendered, format.currency)
      if (handed instanceof DecimalParseError) fields.tenderedMinor = errorMessage(t, handed)
      else if (typeof amountMinor === 'number' && handed < amountMinor) fields.tenderedMinor = t('validation.tenderedTooLittle')
      else tenderedMinor = handed
    }
    if (Object.keys(fields).length || typeof amountMinor !== 'number') return form.failLocally(fields)
    form.send({ ticketId: invoice.ticketId, amountMinor, method, reference, ...(tenderedMinor !== undefined ? { tenderedMinor } : {}) })
  }

  return (
    <QuickForm
      id={id}
      title={invoice.final ? t('payments.take.title') : t('payments.take.depositTitle')}
      submitLabel={invoice.final ? t('payments.take.submit') : t('payments.take.depositSubmit')}
      busy={form.busy}
      general={form.errors.general}
      failures={form.failures}
      onSubmit={submit}
      onClose={onClose}
    >
      <AmountField
        id={`${id}-amount`}
        label={t('payments.form.amount')}
        hint={invoice.priced && invoice.balanceMinor > 0 ? t('payments.take.amountHint', { balance: format.money(invoice.balanceMinor) }) : t('payments.take.depositHint')}
        value={amount}
        onChange={(text) => {
          setAmount(text)
          form.clear('amountMinor', 'tenderedMinor')
        }}
        error={form.errors.fields.amountMinor}
      />
      <MethodField
        id={`${id}-method`}
        value={method}
        onChange={(next) => {
          setMethod(next)
          form.clear('method', 'tenderedMinor')
        }}
        error={form.errors.fields.method}
      />
      {method === 'cash' && (
        <TenderedField
          id={`${id}-tendered`}
          amount={amount}
          value={tendered}
          onChange={(text) => {
            setTendered(text)
            form.clear('tenderedMinor')
          }}
          error={form.errors.fields.tenderedMinor}
        />
      )}
      <Field id={`${id}-reference`} label={`${t('payments.form.reference')} ${t('common.optional')}`} hint={t('payments.form.referenceHint')} error={form.errors.fields.reference}>
        {(control) => (
          <input
            {...control}
            maxLength={80}
            autoComplete="off"
            value={reference}
            onChange={(event) => {
              setReference(event.target.value)
              form.clear('reference')
            }}
          />
        )}
      </Field>
    </QuickForm>
  )
}
