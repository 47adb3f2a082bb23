import { useTranslation } from 'react-i18next'
import { CheckboxField, Field } from '../../components/Field'
import { useShopFormat } from '../../shop-format'
import { previewWarranty, type OverrideStatus } from './intake-draft'
import type { SectionProps } from './section-props'

const overrideStatuses: OverrideStatus[] = ['in_warranty', 'out_of_warranty']

/** (d) The warranty as the ledger will compute it, live; an owner may overrule it with a reason. */
export function WarrantySection({ draft, update, errors, isOwner }: SectionProps & { isOwner: boolean }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const preview = previewWarranty(draft, format.today())
  const { override } = draft
  return (
    <section aria-labelledby="intake-warranty-title" className="intake-section">
      <h2 id="intake-warranty-title">{t('intake.warrantyTitle')}</h2>
      <div className="warranty-preview" aria-live="polite">
        {preview ? (
          <>
            <p className={`warranty-status warranty-${preview.status}`}>{t(`warranty.status.${preview.status}`)}</p>
            <p>{t(`warranty.reasons.${preview.reason}`)}</p>
            {preview.endsOn && <p>{t('intake.coveredUntil', { date: format.date(preview.endsOn) })}</p>}
          </>
        ) : (
          <p className="muted">{t('intake.warrantyNeedsModel')}</p>
        )}
      </div>
      {isOwner && (
        <div className="override">
          <CheckboxField
            id="intake-override"
            label={t('fields.override')}
            hint={t('intake.overrideHint')}
            checked={override.on}
            onChange={(on) => update({ override: { ...override, on } }, 'warrantyOverride.note', 'warrantyOverride.status')}
          />
          {override.on && (
            <div className="form-row">
              <Field id="intake-override-status" label={t('fields.overrideStatus')} error={errors['warrantyOverride.status']}>
                {(control) => (
                  <select {...control} value={override.status} onChange={(event) => update({ override: { ...override, status: event.target.value as OverrideStatus } }, 'warrantyOverride.status')}>
                    {overrideStatuses.map((status) => (
                      <option key={status} value={status}>
                        {t(`warranty.status.${status}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id="intake-override-note" label={t('fields.overrideNote')} error={errors['warrantyOverride.note']}>
                {(control) => <input {...control} maxLength={300} autoComplete="off" value={override.note} onChange={(event) => update({ override: { ...override, note: event.target.value } }, 'warrantyOverride.note')} />}
              </Field>
            </div>
          )}
        </div>
      )}
    </section>
  )
}
