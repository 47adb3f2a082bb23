import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { StaffRole } from '../../../../shared/dto/auth'
import { useClient } from '../../client-context'
import { Field } from '../../components/Field'
import { ErrorAlert, StatusMessage } from '../../components/Feedback'
import { focusFirstInvalid } from '../../components/useFocusOnMount'
import { formErrorsFrom, noErrors, type FormErrors } from '../../errors'
import { queryKeys } from '../../query'
import { RoleSelect } from './RoleSelect'

const fieldPaths = ['name', 'role', 'pin'] as const
const pinPattern = /^\d{4,8}$/

/** Add a technician (or another owner) with a starting PIN. */
export function StaffAddForm() {
  const { t } = useTranslation()
  const client = useClient()
  const queryClient = useQueryClient()
  const formRef = useRef<HTMLFormElement>(null)
  const nameRef = useRef<HTMLInputElement>(null)
  const [name, setName] = useState('')
  const [role, setRole] = useState<StaffRole>('technician')
  const [pin, setPin] = useState('')
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [status, setStatus] = useState<string | null>(null)

  useEffect(() => {
    if (Object.keys(errors.fields).length) focusFirstInvalid(formRef.current)
  }, [errors])

  const create = useMutation({
    mutationFn: () => client.call('staff.create', { name, role, pin }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.staffList })
      void queryClient.invalidateQueries({ queryKey: queryKeys.staffChoices })
      setName('')
      setRole('technician')
      setPin('')
      setStatus(t('staff.added', { name: created.name }))
      nameRef.current?.focus()
    },
    onError: (error) => setErrors(formErrorsFrom(t, error, fieldPaths, { 'errors.staffNameTaken': 'name' })),
  })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (create.isPending) return
    setStatus(null)
    const fields: Record<string, string> = {}
    if (!name.trim()) fields.name = t('validation.required')
    if (!pinPattern.test(pin)) fields.pin = t('validation.pin')
    if (Object.keys(fields).length) return setErrors({ fields, general: null })
    setErrors(noErrors)
    create.mutate()
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="staff-add-title" className="subform">
      <h3 id="staff-add-title">{t('staff.addTitle')}</h3>
      <ErrorAlert message={errors.general} />
      <div className="form-row">
        <Field id="staff-add-name" label={t('fields.name')} error={errors.fields.name}>
          {(control) => <input {...control} ref={nameRef} value={name} onChange={(event) => setName(event.target.value)} maxLength={60} autoComplete="off" />}
        </Field>
        <Field id="staff-add-role" label={t('fields.role')} error={errors.fields.role}>
          {(control) => <RoleSelect control={control} value={role} onChange={setRole} />}
        </Field>
        <Field id="staff-add-pin" label={t('fields.pin')} hint={t('staff.pinHint')} error={errors.fields.pin}>
          {(control) => <input {...control} type="password" inputMode="numeric" autoComplete="new-password" maxLength={8} value={pin} onChange={(event) => setPin(event.target.value)} />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" aria-busy={create.isPending || undefined}>
          {create.isPending ? t('staff.adding') : t('staff.add')}
        </button>
        <StatusMessage message={status} />
      </div>
    </form>
  )
}
