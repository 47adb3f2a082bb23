import { useTranslation } from 'react-i18next'
import { Field } from '../../components/Field'
import { useManufacturers } from '../../hooks'

interface ManufacturerSelectProps {
  id: string
  label?: string
  value: number | null
  onChange: (manufacturerId: number | null) => void
  /** The first option: every manufacturer (a filter) or "choose one" (a form). */
  emptyLabel: string
  error?: string | undefined
  hint?: string | undefined
}

/** A manufacturer from the catalogue (active ones, plus inactive ones, which may still have claims). */
export function ManufacturerSelect({ id, label, value, onChange, emptyLabel, error, hint }: ManufacturerSelectProps) {
  const { t } = useTranslation()
  const makers = useManufacturers(true)
  return (
    <Field id={id} label={label ?? t('claimsScreen.manufacturer')} error={error} hint={hint}>
      {(control) => (
        <select {...control} value={value ?? ''} aria-busy={makers.isPending || undefined} onChange={(event) => onChange(event.target.value ? Number(event.target.value) : null)}>
          <option value="">{emptyLabel}</option>
          {makers.data?.map((maker) => (
            <option key={maker.id} value={maker.id}>
              {maker.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}
