import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PartDto, TicketPartsDto } from '../../../../shared/dto/stock'
import type { TicketDetailDto } from '../../../../shared/dto/tickets'
import type { PoolKey } from '../../../../shared/stock'
import { CheckboxField, Field } from '../../components/Field'
import { PartPicker, partLabel } from '../parts/PartPicker'
import { usePoolNames } from '../../pool-names'
import { onHandIn } from '../parts/on-hand'
import { useStockForm } from '../parts/stock-hooks'
import { parseQuantity } from '../parts/stock-numbers'
import { ActionForm, NoteField } from './ActionForm'
import { PoolPreview } from './PoolPreview'

const fieldPaths = ['lines', 'note', ...['partId', 'quantity', 'pool', 'serial', 'oldSerial', 'keepDefective'].map((field) => `lines.0.${field}`)]
const serialPattern = /^[A-Za-z0-9\-/.]{3,40}$/

/**
 * Fits a part on the ticket. The picker offers the parts made for this device's model first; the
 * pool is chosen by the ledger from the ticket's pools (warranty work: the manufacturer's
 * consigned stock first) unless one is picked, and the form says which it will be.
 */
export function UsePartsForm({ ticket, parts, onClose, onDone }: { ticket: TicketDetailDto; parts: TicketPartsDto; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation()
  const pools = usePoolNames()
  const model = ticket.device.model
  const [query, setQuery] = useState('')
  const [part, setPart] = useState<PartDto | null>(null)
  const [quantity, setQuantity] = useState('1')
  const [pool, setPool] = useState<PoolKey | ''>('')
  const [serial, setSerial] = useState('')
  const [oldSerial, setOldSerial] = useState('')
  const [keepDefective, setKeepDefective] = useState(true)
  const [note, setNote] = useState('')
  const form = useStockForm('tickets.useParts', fieldPaths, (updated) => {
    const used = updated.lines.filter((line) => line.partId === part?.id).sort((a, b) => b.movementId - a.movementId)[0]
    onDone(t('ticketParts.usedDone', { quantity: quantity.trim(), sku: part?.sku ?? '', pool: used ? pools.label(used.pool) : '' }))
  })
  const id = 'ticket-use-parts'
  const amount = parseQuantity(quantity)

  const submit = () => {
    const fields: Record<string, string> = {}
    if (!part) fields['lines.0.partId'] = t('receive.choosePart')
    if (amount === null) fields['lines.0.quantity'] = t('validation.stockQuantity')
    else if (part?.serialized && amount !== 1) fields['lines.0.quantity'] = t('validation.serialOne')
    if (part?.serialized && !serial.trim()) fields['lines.0.serial'] = t('validation.serialRequired')
    else if (serial.trim() && !serialPattern.test(serial.trim())) fields['lines.0.serial'] = t('validation.serial')
    if (oldSerial.trim() && !serialPattern.test(oldSerial.trim())) fields['lines.0.oldSerial'] = t('validation.serial')
    if (!part || amount === null || Object.keys(fields).length) return form.failLocally(fields)
    form.send({
      id: ticket.id,
      note,
      lines: [
        {
          partId: part.id,
          quantity: amount,
          ...(pool ? { pool } : {}),
          ...(part.serialized && serial.trim() ? { serial } : {}),
          ...(part.serialized && oldSerial.trim() ? { oldSerial } : {}),
          // Paid work: the removed part is the customer's (handed back or scrapped), never owed.
          keepDefective: parts.warranty && keepDefective,
        },
      ],
    })
  }

  return (
    <ActionForm id={id} title={t('ticketParts.useTitle')} submitLabel={t('ticketParts.useSubmit')} busy={form.busy} general={form.errors.general} failures={form.failures} onSubmit={submit} onClose={onClose}>
      <div className="form-row">
        <PartPicker
          id={`${id}-part`}
          label={t('ticketParts.part')}
          query={query}
          picked={part !== null}
          modelId={model.id}
          hint={t('ticketParts.pickerHint', { model: `${model.manufacturer.name} ${model.marketingName}` })}
          onQueryChange={(text) => {
            setQuery(text)
            setPart(null)
            form.clear('lines.0.partId')
          }}
          onPick={(picked) => {
            setPart(picked)
            setQuery(partLabel(picked))
            form.clear('lines.0.partId')
          }}
          error={form.errors.fields['lines.0.partId']}
        />
        <Field id={`${id}-quantity`} label={t('parts.quantity')} error={form.errors.fields['lines.0.quantity']}>
          {(control) => (
            <input
              {...control}
              inputMode="numeric"
              maxLength={5}
              autoComplete="off"
              value={quantity}
              onChange={(event) => {
                setQuantity(event.target.value)
                form.clear('lines.0.quantity')
              }}
            />
          )}
        </Field>
        <Field id={`${id}-pool`} label={t('parts.pool')} error={form.errors.fields['lines.0.pool']}>
          {(control) => (
            <select {...control} value={pool} onChange={(event) => setPool(event.target.value as PoolKey | '')}>
              <option value="">{t('ticketParts.poolAuto')}</option>
              {parts.pools.map((option) => (
                <option key={option} value={option}>
                  {part ? t('parts.poolOption', { pool: pools.label(option), onHand: onHandIn(part, option) }) : pools.label(option)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {part && <PoolPreview part={part} ticketPools={parts.pools} chosen={pool} quantity={amount} />}
      {part?.serialized && (
        <div className="form-row">
          <Field id={`${id}-serial`} label={t('ticketParts.serial')} error={form.errors.fields['lines.0.serial']}>
            {(control) => <input {...control} className="mono" maxLength={40} autoComplete="off" spellCheck={false} value={serial} onChange={(event) => setSerial(event.target.value)} />}
          </Field>
          <Field id={`${id}-old-serial`} label={`${t('ticketParts.oldSerial')} ${t('common.optional')}`} error={form.errors.fields['lines.0.oldSerial']}>
            {(control) => <input {...control} className="mono" maxLength={40} autoComplete="off" spellCheck={false} value={oldSerial} onChange={(event) => setOldSerial(event.target.value)} />}
          </Field>
        </div>
      )}
      {parts.warranty && (
        <CheckboxField id={`${id}-keep`} label={t('ticketParts.keepDefective')} hint={t('ticketParts.keepDefectiveHint')} checked={keepDefective} onChange={setKeepDefective} error={form.errors.fields['lines.0.keepDefective']} />
      )}
      <NoteField formId={id} value={note} onChange={setNote} error={form.errors.fields.note} />
    </ActionForm>
  )
}
