import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { RmaManufacturerDto } from '../../../../shared/dto/stock'
import { Field } from '../../components/Field'
import { ErrorAlert } from '../../components/Feedback'
import { focusFirstInvalid } from '../../components/useFocusOnMount'
import { useStockForm } from './stock-hooks'
import { DefectiveTable } from './DefectiveTable'

/**
 * One manufacturer's owed parts: tick the ones going in the box (all ticked to start with, since
 * a shipment usually empties the shelf), then the carrier and tracking number.
 */
export function RmaManufacturer({ group, onShipped }: { group: RmaManufacturerDto; onShipped: (message: string) => void }) {
  const { t } = useTranslation()
  const { manufacturer, owed } = group
  // The whole section, so a failed ship also reaches the item checkboxes above the form.
  const sectionRef = useRef<HTMLElement>(null)
  const [chosen, setChosen] = useState<number[]>(() => owed.map((item) => item.id))
  const [carrier, setCarrier] = useState('')
  const [tracking, setTracking] = useState('')
  const [note, setNote] = useState('')
  const form = useStockForm('rma.ship', ['defectiveIds', 'carrier', 'trackingNumber', 'note'], (shipment) => {
    setTracking('')
    setNote('')
    onShipped(t('rma.shipped', { count: shipment.items.length, manufacturer: shipment.manufacturer.name, tracking: shipment.trackingNumber }))
  })
  const id = `rma-${manufacturer.id}`
  const live = chosen.filter((itemId) => owed.some((item) => item.id === itemId))

  useEffect(() => {
    if (form.failures) focusFirstInvalid(sectionRef.current)
  }, [form.failures])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const fields: Record<string, string> = {}
    if (live.length === 0) fields.defectiveIds = t('rma.chooseParts')
    if (!carrier.trim()) fields.carrier = t('validation.required')
    if (!tracking.trim()) fields.trackingNumber = t('validation.required')
    if (Object.keys(fields).length) return form.failLocally(fields)
    form.send({ manufacturerId: manufacturer.id, defectiveIds: live, carrier, trackingNumber: tracking, note })
  }

  return (
    <section ref={sectionRef} aria-labelledby={`${id}-title`} className="work-panel">
      <h3 id={`${id}-title`}>{t('rma.manufacturerTitle', { manufacturer: manufacturer.name })}</h3>
      <p className="meta">
        {t('rma.owedSummary', { count: owed.length, overdue: group.overdueCount, days: manufacturer.defectiveReturnDays })}
        {group.overdueCount > 0 && <span className="tag tag-danger">{t('rma.overdueCount', { count: group.overdueCount })}</span>}
      </p>
      <DefectiveTable items={owed} caption={t('rma.manufacturerTitle', { manufacturer: manufacturer.name })} selection={{ chosen: live, onChange: setChosen, error: form.errors.fields.defectiveIds, id }} />
      <form aria-labelledby={`${id}-ship-title`} noValidate onSubmit={submit} className="subform">
        <h4 id={`${id}-ship-title`}>{t('rma.shipTitle', { manufacturer: manufacturer.name })}</h4>
        <ErrorAlert message={form.errors.general} />
        <div className="form-row">
          <Field id={`${id}-carrier`} label={t('rma.carrier')} error={form.errors.fields.carrier}>
            {(control) => (
              <input
                {...control}
                maxLength={60}
                autoComplete="off"
                value={carrier}
                onChange={(event) => {
                  setCarrier(event.target.value)
                  form.clear('carrier')
                }}
              />
            )}
          </Field>
          <Field id={`${id}-tracking`} label={t('rma.trackingNumber')} error={form.errors.fields.trackingNumber}>
            {(control) => (
              <input
                {...control}
                className="mono"
                maxLength={60}
                autoComplete="off"
                spellCheck={false}
                value={tracking}
                onChange={(event) => {
                  setTracking(event.target.value)
                  form.clear('trackingNumber')
                }}
              />
            )}
          </Field>
          <Field id={`${id}-note`} label={`${t('rma.note')} ${t('common.optional')}`} error={form.errors.fields.note}>
            {(control) => <input {...control} maxLength={300} autoComplete="off" value={note} onChange={(event) => setNote(event.target.value)} />}
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" aria-busy={form.busy || undefined}>
            {form.busy ? t('common.saving') : t('rma.ship', { count: live.length })}
          </button>
        </div>
      </form>
    </section>
  )
}
