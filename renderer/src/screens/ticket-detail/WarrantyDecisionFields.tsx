import { useTranslation } from 'react-i18next'
import { voidReasons, type VoidReason } from '../../../../shared/repair'
import { Field } from '../../components/Field'
import { RadioGroup } from '../../components/RadioGroup'

export type WarrantyChoice = 'confirm' | 'void'

export interface WarrantyDraft {
  decision: WarrantyChoice | ''
  voidReason: VoidReason | ''
  note: string
}

/** Field paths of the warranty block as the ledger reports them (DiagnoseInput.warranty). */
export function warrantyPath(field?: keyof WarrantyDraft): string {
  return field ? `warranty.${field}` : 'warranty'
}

interface Props {
  draft: WarrantyDraft
  onChange: (patch: Partial<WarrantyDraft>, ...fixing: string[]) => void
  errors: Record<string, string>
}

/** In-warranty tickets only: confirm the warranty, or void it with a reason (the work becomes paid). */
export function WarrantyDecisionFields({ draft, onChange, errors }: Props) {
  const { t } = useTranslation()
  return (
    <RadioGroup
      id="work-diagnose-warranty"
      legend={t('work.warrantyDecision')}
      options={['confirm', 'void'] as const}
      labelOf={(option) => (option === 'confirm' ? t('workForm.confirmWarranty') : t('workForm.voidWarranty'))}
      value={draft.decision}
      onChange={(decision) => onChange({ decision, ...(decision === 'confirm' ? { voidReason: '' } : {}) }, warrantyPath(), warrantyPath('decision'), warrantyPath('voidReason'))}
      error={errors[warrantyPath()] ?? errors[warrantyPath('decision')]}
    >
      {draft.decision === 'void' && (
        <Field id="work-diagnose-void-reason" label={t('work.voidReason')} error={errors[warrantyPath('voidReason')]}>
          {(control) => (
            <select {...control} value={draft.voidReason} onChange={(event) => onChange({ voidReason: event.target.value as VoidReason }, warrantyPath('voidReason'))}>
              <option value="">{t('workForm.choose')}</option>
              {voidReasons.map((reason) => (
                <option key={reason} value={reason}>
                  {t(`repair.voidReason.${reason}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field id="work-diagnose-warranty-note" label={`${t('workForm.warrantyNote')} ${t('common.optional')}`} error={errors[warrantyPath('note')]}>
        {(control) => <textarea {...control} rows={2} maxLength={500} value={draft.note} onChange={(event) => onChange({ note: event.target.value }, warrantyPath('note'))} />}
      </Field>
    </RadioGroup>
  )
}
