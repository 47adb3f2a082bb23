import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { InputOf } from '../../../../shared/contract'
import type { CustomerDto } from '../../../../shared/dto/catalog'
import { normalizePhone } from '../../../../shared/identifiers'
import { customerKinds, type CustomerKind } from '../../../../shared/tickets'
import { useClient } from '../../client-context'
import { Field } from '../../components/Field'
import { ErrorAlert } from '../../components/Feedback'
import { focusFirstInvalid, useFocusOnMount } from '../../components/useFocusOnMount'
import { formErrorsFrom, noErrors, type FormErrors } from '../../errors'
import { queryKeys } from '../../query'

const fieldPaths = ['name', 'phone', 'email', 'kind', 'notes'] as const

/** Edits a customer in place; sends only what changed (`customers.update`). */
export function CustomerEditForm({ customer, onClose }: { customer: CustomerDto; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation()
  const client = useClient()
  const queryClient = useQueryClient()
  const formRef = useRef<HTMLFormElement>(null)
  const nameRef = useFocusOnMount<HTMLInputElement>()
  const [draft, setDraft] = useState({ name: customer.name, phone: customer.phone, email: customer.email ?? '', kind: customer.kind, notes: customer.notes })
  const [errors, setErrors] = useState<FormErrors>(noErrors)

  useEffect(() => {
    if (Object.keys(errors.fields).length) focusFirstInvalid(formRef.current)
  }, [errors])

  const update = useMutation({
    mutationFn: (changes: InputOf<'customers.update'>) => client.call('customers.update', changes),
    onSuccess: () => {
      for (const key of [queryKeys.tickets, queryKeys.customers]) void queryClient.invalidateQueries({ queryKey: key })
      onClose(true)
    },
    onError: (error) => setErrors(formErrorsFrom(t, error, fieldPaths, { 'errors.customerNotFound': 'name' })),
  })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (update.isPending) return
    const fields: Record<string, string> = {}
    if (!draft.name.trim()) fields.name = t('validation.required')
    if (normalizePhone(draft.phone) === null) fields.phone = t('validation.phone')
    if (Object.keys(fields).length) return setErrors({ fields, general: null })
    const changes: InputOf<'customers.update'> = { id: customer.id }
    if (draft.name.trim() !== customer.name) changes.name = draft.name
    if (normalizePhone(draft.phone) !== customer.phone) changes.phone = draft.phone
    if (draft.email.trim() !== (customer.email ?? '')) changes.email = draft.email
    if (draft.kind !== customer.kind) changes.kind = draft.kind
    if (draft.notes.trim() !== customer.notes) changes.notes = draft.notes
    if (Object.keys(changes).length === 1) return onClose(false)
    setErrors(noErrors)
    update.mutate(changes)
  }

  const set = (name: keyof typeof draft) => (event: { target: { value: string } }) => setDraft((d) => ({ ...d, [name]: event.target.value }))
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="customer-edit-title" className="subform subform-edit">
      <h3 id="customer-edit-title">{t('ticket.editCustomerTitle', { name: customer.name })}</h3>
      <ErrorAlert message={errors.general} />
      <Field id="customer-edit-name" label={t('fields.customerName')} error={errors.fields.name}>
        {(control) => <input {...control} ref={nameRef} maxLength={80} autoComplete="off" value={draft.name} onChange={set('name')} />}
      </Field>
      <Field id="customer-edit-phone" label={t('fields.phone')} error={errors.fields.phone}>
        {(control) => <input {...control} type="tel" maxLength={40} autoComplete="off" value={draft.phone} onChange={set('phone')} />}
      </Field>
      <Field id="customer-edit-kind" label={t('fields.customerKind')} error={errors.fields.kind}>
        {(control) => (
          <select {...control} value={draft.kind} onChange={(event) => setDraft((d) => ({ ...d, kind: event.target.value as CustomerKind }))}>
            {customerKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`customerKind.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="customer-edit-email" label={`${t('fields.email')} ${t('common.optional')}`} error={errors.fields.email}>
        {(control) => <input {...control} type="email" maxLength={120} autoComplete="off" value={draft.email} onChange={set('email')} />}
      </Field>
      <Field id="customer-edit-notes" label={t('fields.notes')} error={errors.fields.notes}>
        {(control) => <textarea {...control} rows={2} maxLength={1000} value={draft.notes} onChange={set('notes')} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-primary" aria-busy={update.isPending || undefined}>
          {update.isPending ? t('common.saving') : t('ticket.saveCustomer')}
        </button>
        <button type="button" className="button" onClick={() => onClose(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
