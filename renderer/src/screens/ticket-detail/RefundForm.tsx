import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PaymentDto } from '../../../../shared/dto/payments'
import { DecimalParseError } from '../../../../shared/money'
import { paymentMethods, type PaymentMethod } from '../../../../shared/payments'
import { Field } from '../../components/Field'
import { errorMessage } from '../../errors'
import { useShopFormat } from '../../shop-format'
import { amountText, parsePositiveAmount } from '../payments/amount-text'
import { AmountField } from '../payments/MoneyFields'
import { useMoneyForm } from '../payments/payment-hooks'
import { QuickForm } from '../payments/QuickForm'
import { approvalInput, approvalProblems, emptyApproval, OwnerApprovalFields, type ApprovalDraft } from './OwnerApprovalFields'

const fieldPaths = ['amountMinor', 'reason', 'method', 'approval.staffId', 'approval.pin']

/**
 * Gives back money from one payment: at most what is left of it, with a reason, by the payment's
 * own method unless another is chosen, approved by an owner's PIN typed here. A wrong PIN is
 * named on the PIN field; the person signed in stays signed in.
 */
export function RefundForm({ payment, onClose, onDone }: { payment: PaymentDto; onClose: () => void; onDone: (refund: PaymentDto) => void }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const [amount, setAmount] = useState(amountText(payment.refundableMinor, format.currency))
  const [reason, setReason] = useState('')
  const [method, setMethod] = useState<PaymentMethod>(payment.method)
  const [approval, setApproval] = useState<ApprovalDraft>(emptyApproval)
  const form = useMoneyForm('payments.refund', fieldPaths, (result) => onDone(result.payment))
  const id = `refund-${payment.id}`
  const changeApproval = (next: ApprovalDraft, field: 'staffId' | 'pin') => {
    setApproval(next)
    form.clear(`approval.${field}`)
  }

  const submit = () => {
    const fields: Record<string, string> = {}
    const amountMinor = parsePositiveAmount(amount, format.currency)
    if (amountMinor instanceof DecimalParseError) fields.amountMinor = errorMessage(t, amountMinor)
    else if (amountMinor > payment.refundableMinor) fields.amountMinor = t('errors.refundTooMuch', { refundable: format.money(payment.refundableMinor) })
    if (!reason.trim()) fields.reason = t('validation.required')
    for (const [field, key] of Object.entries(approvalProblems(approval))) fields[`approval.${field}`] = t(key)
    if (Object.keys(fields).length || typeof amountMinor !== 'number') return form.failLocally(fields)
    form.send({ paymentId: payment.id, amountMinor, reason, method, approval: approvalInput(approval) })
  }

  return (
    <QuickForm
      id={id}
      title={t('payments.refund.title', { amount: format.money(payment.amountMinor), when: format.instant(payment.atMs) })}
      submitLabel={t('payments.refund.submit')}
      busy={form.busy}
      general={form.errors.general}
      failures={form.failures}
      onSubmit={submit}
      onClose={onClose}
    >
      <div className="form-row">
        <AmountField
          id={`${id}-amount`}
          label={t('payments.refund.amount')}
          hint={t('payments.refund.amountHint', { refundable: format.money(payment.refundableMinor) })}
          value={amount}
          onChange={(text) => {
            setAmount(text)
            form.clear('amountMinor')
          }}
          error={form.errors.fields.amountMinor}
        />
        <Field id={`${id}-method`} label={t('payments.refund.method')} hint={t('payments.refund.methodHint')} error={form.errors.fields.method}>
          {(control) => (
            <select
              {...control}
              value={method}
              onChange={(event) => {
                setMethod(event.target.value as PaymentMethod)
                form.clear('method')
              }}
            >
              {paymentMethods.map((option) => (
                <option key={option} value={option}>
                  {t(`payments.method.${option}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field id={`${id}-reason`} label={t('payments.refund.reason')} error={form.errors.fields.reason}>
        {(control) => (
          <input
            {...control}
            maxLength={300}
            autoComplete="off"
            value={reason}
            onChange={(event) => {
              setReason(event.target.value)
              form.clear('reason')
            }}
          />
        )}
      </Field>
      <OwnerApprovalFields id={id} value={approval} onChange={changeApproval} errors={{ staffId: form.errors.fields['approval.staffId'], pin: form.errors.fields['approval.pin'] }} />
    </QuickForm>
  )
}
