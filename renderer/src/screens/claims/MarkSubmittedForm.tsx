import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BatchDetailDto } from '../../../../shared/dto/claim-batches'
import { Field } from '../../components/Field'
import { useClaimForm } from './claims-hooks'
import { FormFrame } from './FormFrame'

/** The clerk uploaded the batch's files to the manufacturer's portal by hand: the portal's reference and a note. */
export function MarkSubmittedForm({ batch, onClose, onDone }: { batch: BatchDetailDto; onClose: () => void; onDone: (batch: BatchDetailDto) => void }) {
  const { t } = useTranslation()
  const [reference, setReference] = useState('')
  const [note, setNote] = useState('')
  const form = useClaimForm('batches.markSubmitted', ['reference', 'note'], onDone)
  const id = 'batch-submitted'
  return (
    <FormFrame
      id={id}
      title={t('claimsScreen.submitted.title', { batch: batch.number })}
      hint={t('claimsScreen.submitted.hint', { manufacturer: batch.manufacturer.name, count: batch.claimCount })}
      submitLabel={t('claimsScreen.submitted.save')}
      busy={form.busy}
      general={form.errors.general}
      failures={form.failures}
      onSubmit={() => form.send({ id: batch.id, reference: reference.trim(), note: note.trim() })}
      onClose={onClose}
    >
      <div className="form-row">
        <Field id={`${id}-reference`} label={`${t('claimsScreen.submitted.reference')} ${t('common.optional')}`} error={form.errors.fields.reference}>
          {(control) => <input {...control} className="mono" maxLength={60} autoComplete="off" spellCheck={false} value={reference} onChange={(event) => setReference(event.target.value)} />}
        </Field>
        <Field id={`${id}-note`} label={`${t('claimsScreen.submitted.note')} ${t('common.optional')}`} error={form.errors.fields.note}>
          {(control) => <input {...control} maxLength={500} autoComplete="off" value={note} onChange={(event) => setNote(event.target.value)} />}
        </Field>
      </div>
    </FormFrame>
  )
}
