import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from '../../components/Field'
import { useOwners } from '../payments/payment-hooks'

export interface ApprovalDraft {
  staffId: string
  pin: string
}

export const emptyApproval: ApprovalDraft = { staffId: '', pin: '' }

const pinPattern = /^\d{4,8}$/

/** What is missing before an approval can be sent: field (`staffId`, `pin`) → message key. */
export function approvalProblems(draft: ApprovalDraft): Partial<Record<'staffId' | 'pin', string>> {
  return {
    ...(draft.staffId ? {} : { staffId: 'payments.approval.chooseOwner' }),
    ...(pinPattern.test(draft.pin) ? {} : { pin: 'validation.pin' }),
  }
}

/** The approval as the ledger takes it; assumes approvalProblems found nothing. */
export function approvalInput(draft: ApprovalDraft): { staffId: number; pin: string } {
  return { staffId: Number(draft.staffId), pin: draft.pin }
}

interface OwnerApprovalFieldsProps {
  id: string
  value: ApprovalDraft
  onChange: (next: ApprovalDraft, field: 'staffId' | 'pin') => void
  errors: { staffId?: string | undefined; pin?: string | undefined }
}

/**
 * An owner approves at the counter, whoever is signed in: choose the owner, type their PIN
 * (masked, never kept). With a single owner the choice is made already.
 */
export function OwnerApprovalFields({ id, value, onChange, errors }: OwnerApprovalFieldsProps) {
  const { t } = useTranslation()
  const owners = useOwners()
  const only = owners.data?.length === 1 ? owners.data[0] : undefined
  useEffect(() => {
    if (only && !value.staffId) onChange({ ...value, staffId: String(only.id) }, 'staffId')
  }, [only, value, onChange])
  return (
    <fieldset className="approval">
      <legend>{t('payments.approval.legend')}</legend>
      <p className="field-hint">{t('payments.approval.hint')}</p>
      <div className="form-row">
        <Field id={`${id}-owner`} label={t('payments.approval.owner')} error={errors.staffId ?? (owners.isError ? t('errors.internal') : undefined)}>
          {(control) => (
            <select {...control} value={value.staffId} aria-busy={owners.isPending || undefined} onChange={(event) => onChange({ ...value, staffId: event.target.value }, 'staffId')}>
              <option value="">{t('workForm.choose')}</option>
              {owners.data?.map((owner) => (
                <option key={owner.id} value={String(owner.id)}>
                  {owner.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-pin`} label={t('payments.approval.pin')} error={errors.pin}>
          {(control) => (
            <input {...control} type="password" inputMode="numeric" autoComplete="off" maxLength={8} value={value.pin} onChange={(event) => onChange({ ...value, pin: event.target.value }, 'pin')} />
          )}
        </Field>
      </div>
    </fieldset>
  )
}
