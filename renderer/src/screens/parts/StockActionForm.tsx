import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PartDto } from '../../../../shared/dto/stock'
import type { PoolKey } from '../../../../shared/stock'
import { Field } from '../../components/Field'
import { comparePools, usePoolNames } from '../../pool-names'
import { ActionForm } from '../ticket-detail/ActionForm'
import { onHandIn } from './on-hand'
import { useStockForm } from './stock-hooks'
import { parseQuantity, parseSignedQuantity } from './stock-numbers'

/** The owner's corrections to a part's stock; each needs a reason, which the movement keeps. */
export type StockAction = 'adjust' | 'transfer' | 'scrap'

const fieldPaths = ['pool', 'from', 'to', 'quantity', 'reason']

interface Props {
  action: StockAction
  part: PartDto
  onClose: () => void
  /** The confirmation to show once the ledger took it. */
  onDone: (message: string) => void
}

export function StockActionForm({ action, part, onClose, onDone }: Props) {
  const { t } = useTranslation()
  const pools = usePoolNames()
  // Defective stock changes only through repairs and RMA shipments, so it is never offered here.
  const held = part.levels.map((level) => level.pool).filter((pool) => pool !== 'defective')
  const choices = [...new Set<PoolKey>([...pools.usablePools, ...held])].sort(comparePools(pools.label))
  const [pool, setPool] = useState<PoolKey>(choices[0] ?? 'shop')
  const [to, setTo] = useState<PoolKey>(choices.find((choice) => choice !== pool) ?? 'shop')
  const [quantity, setQuantity] = useState('')
  const [reason, setReason] = useState('')
  const id = `part-${action}`
  const done = (updated: PartDto) => {
    const params = { sku: updated.sku, quantity: quantity.trim(), pool: pools.label(pool), to: pools.label(to) }
    onDone(t(`parts.done.${action}`, params))
  }
  const adjust = useStockForm('stock.adjust', fieldPaths, done)
  const transfer = useStockForm('stock.transfer', fieldPaths, done)
  const scrap = useStockForm('stock.scrap', fieldPaths, done)
  const form = { adjust, transfer, scrap }[action]

  const submit = () => {
    const fields: Record<string, string> = {}
    const amount = action === 'adjust' ? parseSignedQuantity(quantity) : parseQuantity(quantity)
    if (amount === null) fields.quantity = t(action === 'adjust' ? 'parts.adjustQuantityRule' : 'validation.stockQuantity')
    if (action === 'transfer' && pool === to) fields.to = t('errors.transferSamePool')
    if (!reason.trim()) fields.reason = t('validation.required')
    if (amount === null || Object.keys(fields).length) return form.failLocally(fields)
    if (action === 'adjust') adjust.send({ partId: part.id, pool, quantity: amount, reason })
    else if (action === 'transfer') transfer.send({ partId: part.id, from: pool, to, quantity: amount, reason })
    else scrap.send({ partId: part.id, pool, quantity: amount, reason })
  }

  const poolSelect = (fieldId: string, label: string, value: PoolKey, onChange: (pool: PoolKey) => void, path: string, options: PoolKey[]) => (
    <Field id={fieldId} label={label} error={form.errors.fields[path]}>
      {(control) => (
        <select
          {...control}
          value={value}
          onChange={(event) => {
            onChange(event.target.value as PoolKey)
            form.clear(path, 'to')
          }}
        >
          {options.map((option) => (
            <option key={option} value={option}>
              {t('parts.poolOption', { pool: pools.label(option), onHand: onHandIn(part, option) })}
            </option>
          ))}
        </select>
      )}
    </Field>
  )

  return (
    <ActionForm
      id={id}
      title={t(`parts.actionTitle.${action}`, { sku: part.sku })}
      submitLabel={t(`parts.submit.${action}`)}
      busy={form.busy}
      general={form.errors.general}
      failures={form.failures}
      onSubmit={submit}
      onClose={onClose}
    >
      <p className="field-hint">{t(`parts.actionHint.${action}`)}</p>
      <div className="form-row">
        {poolSelect(`${id}-pool`, action === 'transfer' ? t('parts.fromPool') : t('parts.pool'), pool, setPool, action === 'transfer' ? 'from' : 'pool', choices)}
        {action === 'transfer' && poolSelect(`${id}-to`, t('parts.toPool'), to, setTo, 'to', choices)}
        <Field id={`${id}-quantity`} label={t('parts.quantity')} hint={action === 'adjust' ? t('parts.adjustQuantityHint') : undefined} error={form.errors.fields.quantity}>
          {(control) => (
            <input
              {...control}
              inputMode={action === 'adjust' ? 'text' : 'numeric'}
              maxLength={6}
              autoComplete="off"
              value={quantity}
              onChange={(event) => {
                setQuantity(event.target.value)
                form.clear('quantity')
              }}
            />
          )}
        </Field>
      </div>
      <Field id={`${id}-reason`} label={t('parts.reason')} error={form.errors.fields.reason}>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={300}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value)
              form.clear('reason')
            }}
          />
        )}
      </Field>
    </ActionForm>
  )
}
