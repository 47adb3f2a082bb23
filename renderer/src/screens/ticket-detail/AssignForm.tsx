import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from '../../components/Field'
import { useActiveStaff } from '../../hooks'
import { ActionForm, NoteField, type WorkFormProps } from './ActionForm'
import { useWorkForm } from './work-hooks'

/** Gives the ticket to a technician (or takes it back); the change lands in the timeline. */
export function AssignForm({ ticket, onClose, onDone }: WorkFormProps) {
  const { t } = useTranslation()
  const staff = useActiveStaff()
  const current = staff.data?.find((member) => member.name === ticket.assignedStaffName)
  const [picked, setPicked] = useState<string | null>(null)
  const staffId = picked ?? (current ? String(current.id) : '')
  const [note, setNote] = useState('')
  const form = useWorkForm('tickets.assign', ['staffId', 'note'], onDone)
  const staffError = staff.isError ? t('errors.internal') : undefined
  return (
    <ActionForm
      id="work-assign"
      title={t('ticketAction.assign')}
      submitLabel={t('workForm.submit.assign')}
      busy={form.busy}
      general={form.errors.general}
      failures={form.failures}
      onSubmit={() => form.send({ id: ticket.id, staffId: staffId ? Number(staffId) : null, note })}
      onClose={onClose}
    >
      <Field id="work-assign-staff" label={t('workForm.technician')} error={form.errors.fields.staffId ?? staffError}>
        {(control) => (
          <select {...control} value={staffId} onChange={(event) => setPicked(event.target.value)} aria-busy={staff.isPending || undefined}>
            <option value="">{t('intake.unassigned')}</option>
            {staff.data?.map((member) => (
              <option key={member.id} value={String(member.id)}>
                {member.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <NoteField formId="work-assign" value={note} onChange={setNote} error={form.errors.fields.note} />
    </ActionForm>
  )
}
