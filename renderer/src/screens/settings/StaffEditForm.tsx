import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionDto, StaffDto, StaffRole } from '../../../../shared/dto/auth'
import type { StaffUpdate } from '../../../../shared/schemas/staff'
import { useClient } from '../../client-context'
import { CheckboxField, Field } from '../../components/Field'
import { ErrorAlert, StatusMessage } from '../../components/Feedback'
import { focusFirstInvalid, useFocusOnMount } from '../../components/useFocusOnMount'
import { formErrorsFrom, noErrors, type FormErrors } from '../../errors'
import { queryKeys } from '../../query'
import { RoleSelect } from './RoleSelect'

const fieldPaths = ['name', 'role', 'pin', 'active'] as const
const pinPattern = /^\d{4,8}$/

/** Rename, change role, reset PIN, deactivate or reactivate one staff member. */
export function StaffEditForm({ staff, selfId, onClose }: { staff: StaffDto; selfId: number; onClose: () => void }) {
  const { t } = useTranslation()
  const client = useClient()
  const queryClient = useQueryClient()
  const formRef = useRef<HTMLFormElement>(null)
  const nameRef = useFocusOnMount<HTMLInputElement>()
  const [name, setName] = useState(staff.name)
  const [role, setRole] = useState<StaffRole>(staff.role)
  const [pin, setPin] = useState('')
  const [active, setActive] = useState(staff.active)
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [status, setStatus] = useState<string | null>(null)

  useEffect(() => {
    if (Object.keys(errors.fields).length) focusFirstInvalid(formRef.current)
  }, [errors])

  const update = useMutation({
    mutationFn: (changes: StaffUpdate) => client.call('staff.update', changes),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.staffList })
      void queryClient.invalidateQueries({ queryKey: queryKeys.staffChoices })
      if (saved.id === selfId) {
        queryClient.setQueryData<SessionDto | null>(queryKeys.session, (session) => (session ? { ...session, staff: saved } : session))
      }
      setPin('')
      setStatus(t('staff.updated', { name: saved.name }))
    },
    onError: (error) => setErrors(formErrorsFrom(t, error, fieldPaths, { 'errors.staffNameTaken': 'name' })),
  })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (update.isPending) return
    setStatus(null)
    if (!name.trim()) return setErrors({ fields: { name: t('validation.required') }, general: null })
    if (pin && !pinPattern.test(pin)) return setErrors({ fields: { pin: t('validation.pin') }, general: null })
    setErrors(noErrors)
    const changes: StaffUpdate = { id: staff.id }
    if (name.trim() !== staff.name) changes.name = name
    if (role !== staff.role) changes.role = role
    if (pin) changes.pin = pin
    if (active !== staff.active) changes.active = active
    if (Object.keys(changes).length === 1) return setStatus(t('settings.nothingChanged'))
    update.mutate(changes)
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="staff-edit-title" className="subform subform-edit">
      <h3 id="staff-edit-title">{t('staff.editTitle', { name: staff.name })}</h3>
      <ErrorAlert message={errors.general} />
      <div className="form-row">
        <Field id="staff-edit-name" label={t('fields.name')} error={errors.fields.name}>
          {(control) => <input {...control} ref={nameRef} value={name} onChange={(event) => setName(event.target.value)} maxLength={60} autoComplete="off" />}
        </Field>
        <Field id="staff-edit-role" label={t('fields.role')} error={errors.fields.role}>
          {(control) => <RoleSelect control={control} value={role} onChange={setRole} />}
        </Field>
        <Field id="staff-edit-pin" label={t('staff.newPin')} hint={t('staff.newPinHint')} error={errors.fields.pin}>
          {(control) => <input {...control} type="password" inputMode="numeric" autoComplete="new-password" maxLength={8} value={pin} onChange={(event) => setPin(event.target.value)} />}
        </Field>
      </div>
      <CheckboxField id="staff-edit-active" label={t('fields.active')} hint={t('staff.activeHint')} checked={active} onChange={setActive} error={errors.fields.active} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" aria-busy={update.isPending || undefined}>
          {update.isPending ? t('staff.savingChanges') : t('staff.saveChanges')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <StatusMessage message={status} />
      </div>
    </form>
  )
}
