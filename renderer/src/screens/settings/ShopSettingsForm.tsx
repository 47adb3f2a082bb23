import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ShopSettingsDto } from '../../../../shared/dto/settings'
import { supportedLocales } from '../../../../shared/locales'
import { formatMoney } from '../../../../shared/money'
import type { SettingsUpdate } from '../../../../shared/schemas/settings'
import { useClient } from '../../client-context'
import { CheckboxField, Field } from '../../components/Field'
import { ErrorAlert, StatusMessage } from '../../components/Feedback'
import { currencyOptions, timeZoneOptions } from '../../components/options'
import { focusFirstInvalid, useFocusOnMount } from '../../components/useFocusOnMount'
import { errorMessage, formErrorsFrom, noErrors, type FormErrors } from '../../errors'
import { queryKeys } from '../../query'
import { changesFrom, draftFrom, type SettingsDraft } from './settings-draft'

const fieldPaths = ['shopName', 'address', 'phone', 'taxId', 'currency', 'taxRateBp', 'pricesIncludeTax', 'timeZone', 'locale', 'receiptHeader', 'receiptFooter'] as const
type FieldPath = (typeof fieldPaths)[number]

/** The owner's shop settings form; saves only what changed. */
export function ShopSettingsForm({ settings }: { settings: ShopSettingsDto }) {
  const { t, i18n } = useTranslation()
  const client = useClient()
  const queryClient = useQueryClient()
  const formRef = useRef<HTMLFormElement>(null)
  const firstField = useFocusOnMount<HTMLInputElement>()
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFrom(settings))
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [status, setStatus] = useState<string | null>(null)
  const currencies = useMemo(() => currencyOptions(i18n.language, draft.currency), [i18n.language, draft.currency])
  const timeZones = useMemo(() => timeZoneOptions(draft.timeZone), [draft.timeZone])

  useEffect(() => {
    if (Object.keys(errors.fields).length) focusFirstInvalid(formRef.current)
  }, [errors])

  const update = useMutation({
    mutationFn: (changes: SettingsUpdate) => client.call('settings.update', changes),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.settings, saved)
      void queryClient.invalidateQueries({ queryKey: queryKeys.setupStatus })
      setDraft(draftFrom(saved))
      setStatus(t('settings.saved'))
    },
    onError: (error) => setErrors(formErrorsFrom(t, error, fieldPaths)),
  })

  const set = (name: Exclude<keyof SettingsDraft, 'pricesIncludeTax'>) => (event: { target: { value: string } }) => {
    setDraft((d) => ({ ...d, [name]: event.target.value }))
    setStatus(null)
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (update.isPending) return
    setStatus(null)
    const result = changesFrom(settings, draft)
    if (!result.ok) {
      setErrors({ fields: { [result.field]: errorMessage(t, result.error) }, general: t('errors.invalidInput') })
      return
    }
    setErrors(noErrors)
    if (Object.keys(result.changes).length === 0) {
      setStatus(t('settings.nothingChanged'))
      return
    }
    update.mutate(result.changes)
  }

  const error = (path: FieldPath) => errors.fields[path]
  const moneyExample = formatMoney(123_450, draft.currency, i18n.language)

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="settings-form">
      <ErrorAlert message={errors.general} />
      <div className="form-grid">
        <Field id="settings-shop-name" label={t('fields.shopName')} error={error('shopName')}>
          {(control) => <input {...control} ref={firstField} value={draft.shopName} onChange={set('shopName')} maxLength={100} required />}
        </Field>
        <Field id="settings-phone" label={t('fields.phone')} error={error('phone')}>
          {(control) => <input {...control} type="tel" value={draft.phone} onChange={set('phone')} maxLength={40} />}
        </Field>
        <Field id="settings-address" label={t('fields.address')} error={error('address')}>
          {(control) => <input {...control} value={draft.address} onChange={set('address')} maxLength={300} />}
        </Field>
        <Field id="settings-tax-id" label={t('fields.taxId')} error={error('taxId')}>
          {(control) => <input {...control} value={draft.taxId} onChange={set('taxId')} maxLength={40} />}
        </Field>
        <Field id="settings-currency" label={t('fields.currency')} hint={t('settings.moneyExample', { example: moneyExample })} error={error('currency')}>
          {(control) => (
            <select {...control} value={draft.currency} onChange={set('currency')}>
              {currencies.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="settings-tax-rate" label={t('fields.taxRateBp')} hint={t('settings.taxRateHint')} error={error('taxRateBp')}>
          {(control) => <input {...control} inputMode="decimal" value={draft.taxRate} onChange={set('taxRate')} maxLength={7} />}
        </Field>
        <CheckboxField
          id="settings-prices-include-tax"
          label={t('fields.pricesIncludeTax')}
          checked={draft.pricesIncludeTax}
          onChange={(checked) => {
            setDraft((d) => ({ ...d, pricesIncludeTax: checked }))
            setStatus(null)
          }}
          error={error('pricesIncludeTax')}
        />
        <Field id="settings-time-zone" label={t('fields.timeZone')} error={error('timeZone')}>
          {(control) => (
            <select {...control} value={draft.timeZone} onChange={set('timeZone')}>
              {timeZones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="settings-locale" label={t('fields.locale')} error={error('locale')}>
          {(control) => (
            <select {...control} value={draft.locale} onChange={set('locale')}>
              {supportedLocales.map((locale) => (
                <option key={locale} value={locale} lang={locale}>
                  {t(`language.${locale}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="settings-receipt-header" label={t('fields.receiptHeader')} error={error('receiptHeader')}>
          {(control) => <textarea {...control} rows={3} value={draft.receiptHeader} onChange={set('receiptHeader')} maxLength={500} />}
        </Field>
        <Field id="settings-receipt-footer" label={t('fields.receiptFooter')} error={error('receiptFooter')}>
          {(control) => <textarea {...control} rows={3} value={draft.receiptFooter} onChange={set('receiptFooter')} maxLength={500} />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" aria-busy={update.isPending || undefined}>
          {update.isPending ? t('settings.saving') : t('settings.save')}
        </button>
        <StatusMessage message={status} />
      </div>
    </form>
  )
}
