import { useTranslation } from 'react-i18next'
import { accessoryCodes, conditionCodes } from '../../../../shared/tickets'
import { CheckboxGroup } from '../../components/CheckboxGroup'
import { CheckboxField, Field } from '../../components/Field'
import type { SectionProps } from './section-props'

/** (c) The fault in the customer's words, the condition on arrival, accessories and the passcode flag. */
export function FaultSection({ draft, update, errors }: SectionProps) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="intake-fault-title" className="intake-section">
      <h2 id="intake-fault-title">{t('intake.faultSection')}</h2>
      <Field id="intake-fault" label={t('fields.reportedFault')} error={errors.reportedFault}>
        {(control) => <textarea {...control} rows={3} maxLength={1000} value={draft.reportedFault} onChange={(event) => update({ reportedFault: event.target.value }, 'reportedFault')} />}
      </Field>
      <CheckboxGroup
        id="intake-condition"
        legend={t('intake.conditionLegend')}
        options={conditionCodes}
        labelOf={(code) => t(`intake.condition.${code}`)}
        checked={draft.condition}
        onChange={(condition) => update({ condition }, 'condition')}
        error={errors.condition}
      >
        <Field id="intake-condition-notes" label={t('fields.conditionNotes')} error={errors.conditionNotes}>
          {(control) => <textarea {...control} rows={2} maxLength={1000} value={draft.conditionNotes} onChange={(event) => update({ conditionNotes: event.target.value }, 'conditionNotes')} />}
        </Field>
      </CheckboxGroup>
      <CheckboxGroup
        id="intake-accessories"
        legend={t('intake.accessoriesLegend')}
        options={accessoryCodes}
        labelOf={(code) => t(`intake.accessory.${code}`)}
        checked={draft.accessories as (typeof accessoryCodes)[number][]}
        onChange={(accessories) => update({ accessories }, 'accessories')}
        error={errors.accessories}
      >
        <Field id="intake-other-accessories" label={t('fields.otherAccessories')} hint={t('intake.otherAccessoriesHint')}>
          {(control) => <input {...control} autoComplete="off" maxLength={300} value={draft.otherAccessories} onChange={(event) => update({ otherAccessories: event.target.value }, 'accessories')} />}
        </Field>
      </CheckboxGroup>
      <CheckboxField
        id="intake-passcode"
        label={t('fields.passcodeProvided')}
        hint={t('intake.passcodeHint')}
        checked={draft.passcodeProvided}
        onChange={(passcodeProvided) => update({ passcodeProvided }, 'passcodeProvided')}
        error={errors.passcodeProvided}
      />
    </section>
  )
}
