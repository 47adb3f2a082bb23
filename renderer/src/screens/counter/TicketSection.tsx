import { useTranslation } from 'react-i18next'
import { Field } from '../../components/Field'
import { useActiveStaff } from '../../hooks'
import { useShopFormat } from '../../shop-format'
import type { SectionProps } from './section-props'

/** The ticket's own facts: promised date, technician, notes. */
export function TicketSection({ draft, update, errors }: SectionProps) {
  const { t } = useTranslation()
  const staff = useActiveStaff()
  const format = useShopFormat()
  const staffError = staff.isError ? t('errors.internal') : undefined
  return (
    <section aria-labelledby="intake-ticket-title" className="intake-section">
      <h2 id="intake-ticket-title">{t('intake.ticketSection')}</h2>
      <div className="form-row">
        <Field id="intake-promised" label={t('fields.promisedDate')} error={errors.promisedDate}>
          {(control) => <input {...control} type="date" min={format.today()} value={draft.promisedDate} onChange={(event) => update({ promisedDate: event.target.value }, 'promisedDate')} />}
        </Field>
        <Field id="intake-technician" label={t('fields.assignedStaff')} error={errors.assignedStaffId ?? staffError}>
          {(control) => (
            <select {...control} value={draft.assignedStaffId} onChange={(event) => update({ assignedStaffId: event.target.value }, 'assignedStaffId')} aria-busy={staff.isPending || undefined}>
              <option value="">{t('intake.unassigned')}</option>
              {staff.data?.map((member) => (
                <option key={member.id} value={String(member.id)}>
                  {member.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field id="intake-notes" label={t('fields.notes')} error={errors.notes}>
        {(control) => <textarea {...control} rows={2} maxLength={2000} value={draft.notes} onChange={(event) => update({ notes: event.target.value }, 'notes')} />}
      </Field>
    </section>
  )
}
