import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ManufacturerDto } from '../../../../../shared/dto/catalog'
import { deviceCategories, type DeviceCategory } from '../../../../../shared/tickets'
import { useClient } from '../../../client-context'
import { Field } from '../../../components/Field'
import { ErrorAlert, StatusMessage } from '../../../components/Feedback'
import { focusFirstInvalid } from '../../../components/useFocusOnMount'
import { formErrorsFrom, noErrors, type FormErrors } from '../../../errors'
import { queryKeys } from '../../../query'
import { wholeNumber } from './number-field'

const fieldPaths = ['modelCode', 'marketingName', 'category', 'warrantyMonths'] as const
const emptyModel = { modelCode: '', marketingName: '', category: 'phone' as DeviceCategory, warrantyMonths: '' }

/** Add a model to a manufacturer; an empty warranty uses the manufacturer's default. */
export function ModelAddForm({ manufacturer }: { manufacturer: ManufacturerDto }) {
  const { t } = useTranslation()
  const client = useClient()
  const queryClient = useQueryClient()
  const formRef = useRef<HTMLFormElement>(null)
  const codeRef = useRef<HTMLInputElement>(null)
  const [draft, setDraft] = useState(emptyModel)
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [status, setStatus] = useState<string | null>(null)

  useEffect(() => {
    if (Object.keys(errors.fields).length) focusFirstInvalid(formRef.current)
  }, [errors])

  const create = useMutation({
    mutationFn: (warrantyMonths: number | null) =>
      client.call('models.create', { manufacturerId: manufacturer.id, modelCode: draft.modelCode, marketingName: draft.marketingName, category: draft.category, warrantyMonths }),
    onSuccess: (model) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.models })
      setStatus(t('catalog.modelAdded', { name: model.marketingName }))
      setDraft(emptyModel)
      codeRef.current?.focus()
    },
    onError: (error) => setErrors(formErrorsFrom(t, error, fieldPaths, { 'errors.modelCodeTaken': 'modelCode' })),
  })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (create.isPending) return
    setStatus(null)
    const fields: Record<string, string> = {}
    if (!draft.modelCode.trim()) fields.modelCode = t('validation.required')
    if (!draft.marketingName.trim()) fields.marketingName = t('validation.required')
    const months = draft.warrantyMonths.trim() ? wholeNumber(draft.warrantyMonths) : null
    if (draft.warrantyMonths.trim() && (months === null || months > 120)) fields.warrantyMonths = t('validation.months')
    if (Object.keys(fields).length) return setErrors({ fields, general: null })
    setErrors(noErrors)
    create.mutate(months)
  }

  const set = (name: keyof typeof emptyModel) => (event: { target: { value: string } }) => setDraft((d) => ({ ...d, [name]: event.target.value }))
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="model-add-title" className="subform">
      <h4 id="model-add-title">{t('catalog.addModelTitle', { name: manufacturer.name })}</h4>
      <ErrorAlert message={errors.general} />
      <div className="form-row">
        <Field id="model-add-code" label={t('fields.modelCode')} error={errors.fields.modelCode}>
          {(control) => <input {...control} ref={codeRef} className="mono" maxLength={40} autoComplete="off" value={draft.modelCode} onChange={set('modelCode')} />}
        </Field>
        <Field id="model-add-name" label={t('fields.marketingName')} error={errors.fields.marketingName}>
          {(control) => <input {...control} maxLength={80} autoComplete="off" value={draft.marketingName} onChange={set('marketingName')} />}
        </Field>
        <Field id="model-add-category" label={t('fields.category')} error={errors.fields.category}>
          {(control) => (
            <select {...control} value={draft.category} onChange={set('category')}>
              {deviceCategories.map((category) => (
                <option key={category} value={category}>
                  {t(`category.${category}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="model-add-months"
          label={`${t('fields.modelWarrantyMonths')} ${t('common.optional')}`}
          hint={t('catalog.modelWarrantyHint', { months: manufacturer.warrantyMonths })}
          error={errors.fields.warrantyMonths}
        >
          {(control) => <input {...control} inputMode="numeric" maxLength={3} value={draft.warrantyMonths} onChange={set('warrantyMonths')} />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" aria-busy={create.isPending || undefined}>
          {create.isPending ? t('common.saving') : t('catalog.addModel')}
        </button>
        <StatusMessage message={status} />
      </div>
    </form>
  )
}
