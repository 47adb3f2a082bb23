import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ManufacturerDto } from '../../../../../shared/dto/catalog'
import type { FaultCodeDto } from '../../../../../shared/dto/workflow'
import { faultCodeKinds, type FaultCodeKind } from '../../../../../shared/repair'
import { useClient } from '../../../client-context'
import { CheckboxField, Field } from '../../../components/Field'
import { ErrorAlert, StatusMessage } from '../../../components/Feedback'
import { focusFirstInvalid } from '../../../components/useFocusOnMount'
import { formErrorsFrom, noErrors, type FormErrors } from '../../../errors'
import { queryKeys } from '../../../query'

const fieldPaths = ['kind', 'code', 'description', 'active'] as const
const codePattern = /^[A-Za-z0-9_-]{1,20}$/

/** Add a code to a manufacturer's list (no `code`), or edit one: its kind and code stay, the rest changes. */
export function FaultCodeForm({ manufacturer, code, onClose }: { manufacturer: ManufacturerDto; code?: FaultCodeDto; onClose?: () => void }) {
  const { t } = useTranslation()
  const client = useClient()
  const queryClient = useQueryClient()
  const editing = code !== undefined
  const prefix = editing ? 'fault-code-edit' : 'fault-code-add'
  const formRef = useRef<HTMLFormElement>(null)
  const descriptionRef = useRef<HTMLInputElement>(null)
  const [kind, setKind] = useState<FaultCodeKind>(code?.kind ?? 'symptom')
  const [text, setText] = useState(code?.code ?? '')
  const [description, setDescription] = useState(code?.description ?? '')
  const [active, setActive] = useState(code?.active ?? true)
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [status, setStatus] = useState<string | null>(null)

  useEffect(() => {
    if (editing) descriptionRef.current?.focus()
  }, [editing])
  useEffect(() => {
    if (Object.keys(errors.fields).length) focusFirstInvalid(formRef.current)
  }, [errors])

  const save = useMutation({
    mutationFn: () => client.call('faultCodes.upsert', { manufacturerId: manufacturer.id, kind, code: text, description, active }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.faultCodes })
      setStatus(t('faultCodeSettings.added', { code: saved.code }))
      if (!editing) {
        setText('')
        setDescription('')
      }
    },
    onError: (error) => setErrors(formErrorsFrom(t, error, fieldPaths)),
  })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (save.isPending) return
    setStatus(null)
    const fields: Record<string, string> = {}
    if (!codePattern.test(text.trim())) fields.code = t('validation.faultCode')
    if (!description.trim()) fields.description = t('validation.required')
    if (Object.keys(fields).length) return setErrors({ fields, general: null })
    setErrors(noErrors)
    save.mutate()
  }

  const title = editing ? t('faultCodeSettings.editTitle', { code: code.code }) : t('faultCodeSettings.addTitle', { manufacturer: manufacturer.name })
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby={`${prefix}-title`} className={editing ? 'subform subform-edit' : 'subform'}>
      <h3 id={`${prefix}-title`}>{title}</h3>
      <ErrorAlert message={errors.general} />
      <div className="form-row">
        {!editing && (
          <Field id={`${prefix}-kind`} label={t('faultCodeSettings.kind')} error={errors.fields.kind}>
            {(control) => (
              <select {...control} value={kind} onChange={(event) => setKind(event.target.value as FaultCodeKind)}>
                {faultCodeKinds.map((option) => (
                  <option key={option} value={option}>
                    {t(`repair.faultCodeKind.${option}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {!editing && (
          <Field id={`${prefix}-code`} label={t('faultCodeSettings.code')} hint={t('faultCodeSettings.codeHint')} error={errors.fields.code}>
            {(control) => <input {...control} className="mono" maxLength={20} autoComplete="off" value={text} onChange={(event) => setText(event.target.value)} />}
          </Field>
        )}
        <Field id={`${prefix}-description`} label={t('faultCodeSettings.description')} error={errors.fields.description}>
          {(control) => <input {...control} ref={descriptionRef} maxLength={200} autoComplete="off" value={description} onChange={(event) => setDescription(event.target.value)} />}
        </Field>
      </div>
      {editing && <CheckboxField id={`${prefix}-active`} label={t('faultCodeSettings.active')} checked={active} onChange={setActive} error={errors.fields.active} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" aria-busy={save.isPending || undefined}>
          {save.isPending ? t('common.saving') : editing ? t('faultCodeSettings.save') : t('faultCodeSettings.add')}
        </button>
        {onClose && (
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        )}
        <StatusMessage message={status} />
      </div>
    </form>
  )
}
