import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from '../../components/Field'
import { ActionForm, NoteField, type WorkFormProps } from './ActionForm'
import { useWorkForm } from './work-hooks'

// The workflow steps that carry only text: start diagnosis / repair (an optional note), a note on
// its own, and cancelling (a reason).

export function StepForm({ step, ticket, onClose, onDone }: WorkFormProps & { step: 'startDiagnosis' | 'startRepair' }) {
  const { t } = useTranslation()
  const [note, setNote] = useState('')
  const form = useWorkForm(`tickets.${step}`, ['note'], onDone)
  const id = `work-${step}`
  return (
    <ActionForm
      id={id}
      title={t(`ticketAction.${step}`)}
      submitLabel={t(`workForm.submit.${step}`)}
      busy={form.busy}
      general={form.errors.general}
      failures={form.failures}
      onSubmit={() => form.send({ id: ticket.id, note })}
      onClose={onClose}
    >
      <NoteField formId={id} value={note} onChange={setNote} error={form.errors.fields.note} />
    </ActionForm>
  )
}

export function NoteForm({ ticket, onClose, onDone }: WorkFormProps) {
  const { t } = useTranslation()
  const [note, setNote] = useState('')
  const form = useWorkForm('tickets.addNote', ['note'], onDone)
  const submit = () => {
    if (!note.trim()) return form.failLocally({ note: t('validation.required') })
    form.send({ id: ticket.id, note })
  }
  return (
    <ActionForm
      id="work-addNote"
      title={t('ticketAction.addNote')}
      submitLabel={t('workForm.submit.addNote')}
      busy={form.busy}
      general={form.errors.general}
      failures={form.failures}
      onSubmit={submit}
      onClose={onClose}
    >
      <NoteField
        formId="work-addNote"
        label={t('work.note')}
        value={note}
        onChange={(value) => {
          setNote(value)
          form.clear('note')
        }}
        error={form.errors.fields.note}
      />
    </ActionForm>
  )
}

export function CancelForm({ ticket, onClose, onDone }: WorkFormProps) {
  const { t } = useTranslation()
  const [reason, setReason] = useState('')
  const form = useWorkForm('tickets.cancel', ['reason'], onDone)
  const submit = () => {
    if (!reason.trim()) return form.failLocally({ reason: t('validation.required') })
    form.send({ id: ticket.id, reason })
  }
  return (
    <ActionForm
      id="work-cancel"
      title={t('ticketAction.cancel')}
      submitLabel={t('workForm.submit.cancel')}
      busy={form.busy}
      general={form.errors.general}
      failures={form.failures}
      onSubmit={submit}
      onClose={onClose}
    >
      <Field id="work-cancel-reason" label={t('workForm.reason')} error={form.errors.fields.reason}>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={500}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value)
              form.clear('reason')
            }}
          />
        )}
      </Field>
    </ActionForm>
  )
}
