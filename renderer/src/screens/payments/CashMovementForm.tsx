import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DecimalParseError } from '../../../../shared/money'
import { cashMovementKinds, type CashMovementKind } from '../../../../shared/payments'
import { Field } from '../../components/Field'
import { RadioGroup } from '../../components/RadioGroup'
import { errorMessage } from '../../errors'
import { useShopFormat } from '../../shop-format'
import { parsePositiveAmount } from './amount-text'
import { AmountField } from './MoneyFields'
import { useMoneyForm } from './payment-hooks'
import { QuickForm } from './QuickForm'

/** Cash put into the drawer or taken out of it for something other than a ticket, with the reason. */
export function CashMovementForm({ onClose, onDone }: { onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const [kind, setKind] = useState<CashMovementKind>('paid_out')
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  // What was sent, for the confirmation (the fields may be edited while the call is under way).
  const sent = useRef({ kind, amountMinor: 0, reason: '' })
  const form = useMoneyForm('cash.movement', ['kind', 'amountMinor', 'reason'], () => {
    const { kind: sentKind, amountMinor, reason: sentReason } = sent.current
    onDone(t(`cash.movementDone.${sentKind}`, { amount: format.money(amountMinor), reason: sentReason }))
  })

  const submit = () => {
    const fields: Record<string, string> = {}
    const amountMinor = parsePositiveAmount(amount, format.currency)
    if (amountMinor instanceof DecimalParseError) fields.amountMinor = errorMessage(t, amountMinor)
    if (!reason.trim()) fields.reason = t('validation.required')
    if (Object.keys(fields).length || typeof amountMinor !== 'number') return form.failLocally(fields)
    sent.current = { kind, amountMinor, reason }
    form.send({ kind, amountMinor, reason })
  }

  return (
    <QuickForm id="drawer-movement" title={t('cash.movementTitle')} submitLabel={t('cash.movementSubmit')} busy={form.busy} general={form.errors.general} failures={form.failures} onSubmit={submit} onClose={onClose}>
      <RadioGroup id="drawer-movement-kind" legend={t('cash.movementKind')} options={cashMovementKinds} labelOf={(option) => t(`cash.kind.${option}`)} value={kind} onChange={setKind} error={form.errors.fields.kind} />
      <div className="form-row">
        <AmountField
          id="drawer-movement-amount"
          label={t('payments.form.amount')}
          value={amount}
          onChange={(text) => {
            setAmount(text)
            form.clear('amountMinor')
          }}
          error={form.errors.fields.amountMinor}
        />
        <Field id="drawer-movement-reason" label={t('cash.reason')} hint={t('cash.reasonHint')} error={form.errors.fields.reason}>
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
      </div>
    </QuickForm>
  )
}
