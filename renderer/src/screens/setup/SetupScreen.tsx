import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionDto } from '../../../../shared/dto/auth'
import type { SetupStatusDto } from '../../../../shared/dto/settings'
import { isLocale, supportedLocales, type Locale } from '../../../../shared/locales'
import { RpcFailure } from '../../api'
import { useClient } from '../../client-context'
import { Field } from '../../components/Field'
import { ErrorAlert } from '../../components/Feedback'
import { browserTimeZone, currencyOptions, timeZoneOptions } from '../../components/options'
import { PublicLayout } from '../../components/PublicLayout'
import { focusFirstInvalid, useFocusOnMount } from '../../components/useFocusOnMount'
import { formErrorsFrom, noErrors, type FormErrors } from '../../errors'
import { useLanguage } from '../../language'
import { queryKeys } from '../../query'

interface SetupDraft {
  shopName: string
  address: string
  phone: string
  currency: string
  timeZone: string
  ownerName: string
  pin: string
  pinConfirm: string
}

/** Field paths as the server names them in INVALID_INPUT issues, plus the client-only confirmation. */
const fieldPaths = ['shop.shopName', 'shop.address', 'shop.phone', 'shop.currency', 'shop.timeZone', 'shop.locale', 'owner.name', 'owner.pin', 'pinConfirm'] as const

const pinPattern = /^\d{4,8}$/

/** First run: the shop's details and the owner account, in one form that signs the owner in. */
export function SetupScreen() {
  const { t, i18n } = useTranslation()
  const client = useClient()
  const queryClient = useQueryClient()
  const { language, choose } = useLanguage()
  const formRef = useRef<HTMLFormElement>(null)
  const firstField = useFocusOnMount<HTMLInputElement>()
  const [draft, setDraft] = useState<SetupDraft>(() => ({
    shopName: '',
    address: '',
    phone: '',
    currency: 'CNY',
    timeZone: browserTimeZone(),
    ownerName: '',
    pin: '',
    pinConfirm: '',
  }))
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const currencies = useMemo(() => currencyOptions(i18n.language, draft.currency), [i18n.language, draft.currency])
  const timeZones = useMemo(() => timeZoneOptions(draft.timeZone), [draft.timeZone])

  useEffect(() => {
    if (Object.keys(errors.fields).length) focusFirstInvalid(formRef.current)
  }, [errors])

  const complete = useMutation({
    mutationFn: (locale: Locale) =>
      client.call('setup.complete', {
        shop: { shopName: draft.shopName, address: draft.address, phone: draft.phone, currency: draft.currency, timeZone: draft.timeZone, locale },
        owner: { name: draft.ownerName, pin: draft.pin },
      }),
    onSuccess: (session: SessionDto, locale) => {
      queryClient.setQueryData(queryKeys.session, session)
      queryClient.setQueryData<SetupStatusDto>(queryKeys.setupStatus, { complete: true, shopName: draft.shopName.trim(), locale })
      void queryClient.invalidateQueries({ queryKey: queryKeys.setupStatus })
    },
    onError: (error) => {
      setErrors(formErrorsFrom(t, error, fieldPaths))
      if (error instanceof RpcFailure && error.error.messageKey === 'errors.setupAlreadyComplete') {
        void queryClient.invalidateQueries({ queryKey: queryKeys.setupStatus })
      }
    },
  })

  const set = (name: keyof SetupDraft) => (event: { target: { value: string } }) => setDraft((d) => ({ ...d, [name]: event.target.value }))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (complete.isPending) return
    const fields: Record<string, string> = {}
    if (!draft.shopName.trim()) fields['shop.shopName'] = t('validation.required')
    if (!draft.ownerName.trim()) fields['owner.name'] = t('validation.required')
    if (!pinPattern.test(draft.pin)) fields['owner.pin'] = t('validation.pin')
    else if (draft.pin !== draft.pinConfirm) fields.pinConfirm = t('validation.pinMismatch')
    if (Object.keys(fields).length) {
      setErrors({ fields, general: t('errors.invalidInput') })
      return
    }
    setErrors(noErrors)
    complete.mutate(language)
  }

  const error = (path: (typeof fieldPaths)[number]) => errors.fields[path]

  return (
    <PublicLayout languageSwitch={false}>
      <div className="card card-narrow">
        <h1>{t('setup.title')}</h1>
        <p className="lead">{t('setup.intro')}</p>
        <ErrorAlert message={errors.general} />
        <form ref={formRef} onSubmit={submit} noValidate>
          <fieldset>
            <legend>{t('setup.shopSection')}</legend>
            <Field id="setup-shop-name" label={t('fields.shopName')} error={error('shop.shopName')}>
              {(control) => <input {...control} ref={firstField} value={draft.shopName} onChange={set('shopName')} maxLength={100} autoComplete="organization" required />}
            </Field>
            <Field id="setup-address" label={t('fields.address')} error={error('shop.address')}>
              {(control) => <input {...control} value={draft.address} onChange={set('address')} maxLength={300} autoComplete="street-address" />}
            </Field>
            <Field id="setup-phone" label={t('fields.phone')} error={error('shop.phone')}>
              {(control) => <input {...control} type="tel" value={draft.phone} onChange={set('phone')} maxLength={40} autoComplete="tel" />}
            </Field>
            <Field id="setup-currency" label={t('fields.currency')} error={error('shop.currency')}>
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
            <Field id="setup-time-zone" label={t('fields.timeZone')} error={error('shop.timeZone')}>
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
            <Field id="setup-locale" label={t('fields.locale')} hint={t('setup.localeHint')} error={error('shop.locale')}>
              {(control) => (
                <select
                  {...control}
                  value={language}
                  onChange={(event) => {
                    if (isLocale(event.target.value)) choose(event.target.value)
                  }}
                >
                  {supportedLocales.map((locale) => (
                    <option key={locale} value={locale} lang={locale}>
                      {t(`language.${locale}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </fieldset>
          <fieldset>
            <legend>{t('setup.ownerSection')}</legend>
            <Field id="setup-owner-name" label={t('setup.ownerName')} error={error('owner.name')}>
              {(control) => <input {...control} value={draft.ownerName} onChange={set('ownerName')} maxLength={60} autoComplete="name" required />}
            </Field>
            <Field id="setup-pin" label={t('fields.pin')} hint={t('setup.pinHint')} error={error('owner.pin')}>
              {(control) => <input {...control} type="password" inputMode="numeric" autoComplete="new-password" maxLength={8} value={draft.pin} onChange={set('pin')} required />}
            </Field>
            <Field id="setup-pin-confirm" label={t('setup.pinConfirm')} error={error('pinConfirm')}>
              {(control) => <input {...control} type="password" inputMode="numeric" autoComplete="new-password" maxLength={8} value={draft.pinConfirm} onChange={set('pinConfirm')} required />}
            </Field>
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="button button-primary" aria-busy={complete.isPending || undefined}>
              {complete.isPending ? t('setup.submitting') : t('setup.submit')}
            </button>
          </div>
        </form>
      </div>
    </PublicLayout>
  )
}
