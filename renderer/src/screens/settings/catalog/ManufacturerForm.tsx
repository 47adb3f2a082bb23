import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ManufacturerDto } from '../../../../../shared/dto/catalog'
import { useClient } from '../../../client-context'
import { CheckboxField, Field } from '../../../components/Field'
import { ErrorAlert, StatusMessage } from '../../../components/Feedback'
import { focusFirstInvalid } from '../../../components/useFocusOnMount'
import { formErrorsFrom, noErrors, type FormErrors } from '../../../errors'
import { queryKeys } from '../../../query'
import { wholeNumber } from './number-field'

const fieldPaths = ['code', 'name', 'warrantyMonths', 'proofRequired', 'claimWindowDays', 'defectiveReturnDays', 'shopStockForWarranty', 'active'] as const
type NumberField = 'warrantyMonths' | 'claimWindowDays' | 'defectiveReturnDays'

function draftOf(m?: ManufacturerDto) {
  return {
    code: m?.code ?? '',
    name: m?.name ?? '',
    warrantyMonths: String(m?.warrantyMonths ?? 12),
    proofRequired: m?.proofRequired ?? true,
    claimWindowDays: String(m?.claimWindowDays ?? 30),
    defectiveReturnDays: String(m?.defectiveReturnDays ?? 30),
    shopStockForWarranty: m?.shopStockForWarranty ?? true,
    active: m?.active ?? true,
  }
}

/** Add a manufacturer (no `manufacturer`) or edit one; the code is fixed once created. */
export function ManufacturerForm({ manufacturer, onClose }: { manufacturer?: ManufacturerDto; onClose?: () => void }) {
  const { t } = useTranslation()
  const client = useClient()
  const queryClient = useQueryClient()
  const editing = manufacturer !== undefined
  const prefix = editing ? 'manufacturer-edit' : 'manufacturer-add'
  const formRef = useRef<HTMLFormElement>(null)
  const firstRef = useRef<HTMLInputElement>(null)
  const [draft, setDraft] = useState(() => draftOf(manufacturer))
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [status, setStatus] = useState<string | null>(null)

  useEffect(() => {
    // The editor opens on request, so it takes focus; the add form sits below and must not.
    if (editing) firstRef.current?.focus()
  }, [editing])
  useEffect(() => {
    if (Object.keys(errors.fields).length) focusFirstInvalid(formRef.current)
  }, [errors])

  const save = useMutation({
    mutationFn: (values: { warrantyMonths: number; claimWindowDays: number; defectiveReturnDays: number }) =>
      editing
        ? client.call('manufacturers.update', { id: manufacturer.id, name: draft.name, proofRequired: draft.proofRequired, shopStockForWarranty: draft.shopStockForWarranty, active: draft.active, ...values })
        : client.call('manufacturers.create', { code: draft.code, name: draft.name, proofRequired: draft.proofRequired, shopStockForWarranty: draft.shopStockForWarranty, ...values }),
    onSuccess: (saved) => {
      for (const key of [queryKeys.manufacturers, queryKeys.models]) void queryClient.invalidateQueries({ queryKey: key })
      setStatus(t(editing ? 'catalog.updated' : 'catalog.added', { name: saved.name }))
      if (!editing) setDraft(draftOf())
    },
    onError: (error) => setErrors(formErrorsFrom(t, error, fieldPaths, { 'errors.manufacturerCodeTaken': 'code' })),
  })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (save.isPending) return
    setStatus(null)
    const fields: Record<string, string> = {}
    if (!editing && !/^[A-Za-z0-9_-]{2,12}$/.test(draft.code.trim())) fields.code = t('validation.code')
    if (!draft.name.trim()) fields.name = t('validation.required')
    const months = wholeNumber(draft.warrantyMonths)
    if (months === null || months > 120) fields.warrantyMonths = t('validation.months')
    const days = (name: NumberField) => {
      const value = wholeNumber(draft[name])
      if (value === null || value > 3650) fields[name] = t('validation.days')
      return value ?? 0
    }
    const values = { warrantyMonths: months ?? 0, claimWindowDays: days('claimWindowDays'), defectiveReturnDays: days('defectiveReturnDays') }
    if (Object.keys(fields).length) return setErrors({ fields, general: null })
    setErrors(noErrors)
    save.mutate(values)
  }

  const text = (name: 'code' | 'name' | NumberField) => (event: { target: { value: string } }) => setDraft((d) => ({ ...d, [name]: event.target.value }))
  const title = editing ? t('catalog.editTitle', { name: manufacturer.name }) : t('catalog.addTitle')
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby={`${prefix}-title`} className={editing ? 'subform subform-edit' : 'subform'}>
      <h3 id={`${prefix}-title`}>{title}</h3>
      <ErrorAlert message={errors.general} />
      <div className="form-row">
        {!editing && (
          <Field id={`${prefix}-code`} label={t('fields.code')} error={errors.fields.code}>
            {(control) => <input {...control} className="mono" maxLength={12} autoComplete="off" value={draft.code} onChange={text('code')} />}
          </Field>
        )}
        <Field id={`${prefix}-name`} label={t('fields.manufacturerName')} error={errors.fields.name}>
          {(control) => <input {...control} ref={firstRef} maxLength={80} autoComplete="off" value={draft.name} onChange={text('name')} />}
        </Field>
        <Field id={`${prefix}-months`} label={t('fields.warrantyMonths')} error={errors.fields.warrantyMonths}>
          {(control) => <input {...control} inputMode="numeric" maxLength={3} value={draft.warrantyMonths} onChange={text('warrantyMonths')} />}
        </Field>
        <Field id={`${prefix}-claim-days`} label={t('fields.claimWindowDays')} error={errors.fields.claimWindowDays}>
          {(control) => <input {...control} inputMode="numeric" maxLength={4} value={draft.claimWindowDays} onChange={text('claimWindowDays')} />}
        </Field>
        <Field id={`${prefix}-return-days`} label={t('fields.defectiveReturnDays')} error={errors.fields.defectiveReturnDays}>
          {(control) => <input {...control} inputMode="numeric" maxLength={4} value={draft.defectiveReturnDays} onChange={text('defectiveReturnDays')} />}
        </Field>
      </div>
      <CheckboxField id={`${prefix}-proof`} label={t('fields.proofRequired')} checked={draft.proofRequired} onChange={(proofRequired) => setDraft((d) => ({ ...d, proofRequired }))} error={errors.fields.proofRequired} />
      <CheckboxField
        id={`${prefix}-shop-stock`}
        label={t('stockPool.shopStockForWarranty')}
        hint={t('stockPool.shopStockForWarrantyHint')}
        checked={draft.shopStockForWarranty}
        onChange={(shopStockForWarranty) => setDraft((d) => ({ ...d, shopStockForWarranty }))}
        error={errors.fields.shopStockForWarranty}
      />
      {editing && <CheckboxField id={`${prefix}-active`} label={t('fields.active')} hint={t('catalog.activeHint')} checked={draft.active} onChange={(active) => setDraft((d) => ({ ...d, active }))} error={errors.fields.active} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" aria-busy={save.isPending || undefined}>
          {save.isPending ? t('common.saving') : editing ? t('catalog.saveChanges') : t('catalog.add')}
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
