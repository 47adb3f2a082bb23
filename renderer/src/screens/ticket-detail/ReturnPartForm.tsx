import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TicketPartLineDto } from '../../../../shared/dto/stock'
import { Field } from '../../components/Field'
import { usePoolNames } from '../../pool-names'
import { useStockForm } from '../parts/stock-hooks'
import { parseQuantity } from '../parts/stock-numbers'
import { ActionForm } from './ActionForm'

/** Puts unused parts of one line back into the pool they came from (a return movement). */
export function ReturnPartForm({ ticketId, line, onClose, onDone }: { ticketId: number; line: TicketPartLineDto; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation()
  const pools = usePoolNames()
  const [quantity, setQuantity] = useState(String(line.netQuantity))
  const [reason, setReason] = useState('')
  const form = useStockForm('tickets.returnPart', ['quantity', 'reason'], () => onDone(t('ticketParts.returnedDone', { quantity: quantity.trim(), sku: line.sku, pool: pools.label(line.pool) })), {
    'errors.returnTooMany': 'quantity',
  })
  const submit = () => {
    const amount = parseQuantity(quantity)
    if (amount === null || amount > line.netQuantity) return form.failLocally({ quantity: t('errors.returnTooMany', { left: line.netQuantity }) })
    form.send({ id: ticketId, movementId: line.movementId, quantity: amount, reason })
  }
  const id = 'ticket-return-part'
  return (
    <ActionForm
      id={id}
      title={t('ticketParts.returnTitle', { sku: line.sku, name: line.name })}
      submitLabel={t('ticketParts.returnSubmit')}
      busy={form.busy}
      general={form.errors.general}
      failures={form.failures}
      onSubmit={submit}
      onClose={onClose}
    >
      <p className="field-hint">{t('ticketParts.returnHint', { pool: pools.label(line.pool), left: line.netQuantity })}</p>
      <div className="form-row">
        <Field id={`${id}-quantity`} label={t('parts.quantity')} error={form.errors.fields.quantity}>
          {(control) => (
            <input
              {...control}
              inputMode="numeric"
              maxLength={5}
              autoComplete="off"
              value={quantity}
              onChange={(event) => {
                setQuantity(event.target.value)
                form.clear('quantity')
              }}
            />
          )}
        </Field>
        <Field id={`${id}-reason`} label={`${t('parts.reason')} ${t('common.optional')}`} error={form.errors.fields.reason}>
          {(control) => <input {...control} maxLength={300} autoComplete="off" value={reason} onChange={(event) => setReason(event.target.value)} />}
        </Field>
      </div>
    </ActionForm>
  )
}
