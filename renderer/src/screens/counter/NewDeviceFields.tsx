import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from '../../components/Field'
import { imeiProblem } from './intake-draft'
import { modelLabel, ModelPicker } from './ModelPicker'
import type { SectionProps } from './section-props'

/** A device the ledger does not know yet: its model and identifiers (prefilled from the scan). */
export function NewDeviceFields({ draft, update, errors }: SectionProps) {
  const { t } = useTranslation()
  const [imeiLeft, setImeiLeft] = useState(false)
  const liveImei = imeiProblem(draft.imei, imeiLeft)
  const imeiError = errors['device.new.imei'] ?? (liveImei ? t(liveImei) : undefined)
  return (
    <div className="new-device">
      <p className="note">{t('intake.newDevice')}</p>
      <ModelPicker
        id="intake-model"
        query={draft.modelQuery}
        model={draft.model}
        onQueryChange={(modelQuery) => update({ modelQuery, model: null }, 'device.new.modelId')}
        onPick={(model) => update({ model, modelQuery: modelLabel(model) }, 'device.new.modelId')}
        error={errors['device.new.modelId']}
      />
      <div className="form-row">
        <Field id="intake-imei" label={t('fields.imei')} error={imeiError}>
          {(control) => (
            <input
              {...control}
              inputMode="numeric"
              autoComplete="off"
              maxLength={20}
              value={draft.imei}
              onChange={(event) => {
                setImeiLeft(false)
                update({ imei: event.target.value }, 'device.new.imei')
              }}
              onBlur={() => setImeiLeft(true)}
            />
          )}
        </Field>
        <Field id="intake-serial" label={t('fields.serial')} error={errors['device.new.serial']}>
          {(control) => (
            <input {...control} autoComplete="off" spellCheck={false} maxLength={40} value={draft.serial} onChange={(event) => update({ serial: event.target.value }, 'device.new.serial', 'device.new.imei')} />
          )}
        </Field>
      </div>
    </div>
  )
}
