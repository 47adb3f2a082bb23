import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { requirableClaimFields } from '../../../../../shared/claims'
import type { ManufacturerDto } from '../../../../../shared/dto/catalog'
import type { ClaimRulesDto } from '../../../../../shared/dto/claims'
import { repairTiers } from '../../../../../shared/repair'
import { RpcFailure } from '../../../api'
import { CheckboxGroup } from '../../../components/CheckboxGroup'
import { Field } from '../../../components/Field'
import { ErrorAlert, StatusMessage } from '../../../components/Feedback'
import { focusFirstInvalid } from '../../../components/useFocusOnMount'
import { queryKeys } from '../../../query'
import { useShopFormat } from '../../../shop-format'
import { useLedgerForm } from '../../../use-ledger-form'
import { changesFrom, claimRulesFieldPaths, draftFrom, formPathOf, type ClaimRulesDraft } from './claim-rules-draft'
import { claimRulesKey } from './claim-rules-query'
import { ExportProfileFields } from './ExportProfileFields'
import { SyncFields } from './SyncFields'
import './claim-rules.css'

/** Endpoint and token refusals the ledger may word with keys the UI has no text for (yet): ours say the rule. */
const fallbackKeys: Record<string, string> = { syncUrl: 'claimRules.validation.syncUrl', syncToken: 'claimRules.validation.syncToken' }

/** The owner's editor of one manufacturer's claim rules; saves only what changed. */
export function ClaimRulesForm({ manufacturer, rules }: { manufacturer: ManufacturerDto; rules: ClaimRulesDto }) {
  const { t, i18n } = useTranslation()
  const format = useShopFormat()
  const queryClient = useQueryClient()
  const formRef = useRef<HTMLFormElement>(null)
  const prefix = 'claim-rules'
  const [draft, setDraft] = useState<ClaimRulesDraft>(() => draftFrom(rules, format.currency))
  const [status, setStatus] = useState<string | null>(null)

  const form = useLedgerForm('manufacturers.updateClaimRules', claimRulesFieldPaths, {
    refresh: (saved) => {
      queryClient.setQueryData(claimRulesKey(saved.manufacturerId), saved)
      // The claim window is also on the manufacturer (its own form), and open claims were repriced.
      void queryClient.invalidateQueries({ queryKey: queryKeys.manufacturers, predicate: (query) => query.queryKey[1] !== 'claimRules' })
    },
    onDone: (saved) => {
      // The token typed is gone from the form for good; the ledger now only says one is stored.
      setDraft(draftFrom(saved, format.currency))
      setStatus(t('claimRules.saved', { name: manufacturer.name }))
    },
    mapError: (error) => placeIssues(error, (key) => i18n.exists(key)),
  })

  useEffect(() => {
    if (form.failures) focusFirstInvalid(formRef.current)
  }, [form.failures])

  // Stable callbacks for the export columns, which re-render only when they change.
  const clearRef = useRef(form.clear)
  clearRef.current = form.clear
  const clear = useCallback((...paths: string[]) => clearRef.current(...paths), [])
  const setExport = useCallback(<K extends 'formats' | 'csvBom' | 'columns'>(name: K, value: ClaimRulesDraft[K]) => {
    setDraft((d) => ({ ...d, [name]: value }))
    setStatus(null)
  }, [])
  const onFormats = useCallback((formats: ClaimRulesDraft['formats']) => setExport('formats', formats), [setExport])
  const onCsvBom = useCallback((csvBom: boolean) => setExport('csvBom', csvBom), [setExport])
  const onColumns = useCallback((columns: ClaimRulesDraft['columns']) => setExport('columns', columns), [setExport])

  const set = <K extends keyof ClaimRulesDraft>(name: K, value: ClaimRulesDraft[K], ...paths: string[]) => {
    setDraft((d) => ({ ...d, [name]: value }))
    setStatus(null)
    form.clear(...(paths.length ? paths : [name]))
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (form.busy) return
    setStatus(null)
    const result = changesFrom(rules, draft, format.currency)
    if (!result.ok) {
      return form.failLocally(Object.fromEntries(Object.entries(result.problems).map(([path, p]) => [path, t(p.messageKey, p.params)])))
    }
    if (Object.keys(result.changes).length === 0) return setStatus(t('claimRules.nothingChanged'))
    form.send({ manufacturerId: manufacturer.id, ...result.changes })
  }

  const errors = form.errors.fields
  const titleId = `${prefix}-title`
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby={titleId} className="subform claim-rules-form">
      <h3 id={titleId}>{t('claimRules.formTitle', { name: manufacturer.name })}</h3>
      <ErrorAlert message={form.errors.general} />
      <fieldset>
        <legend>{t('claimRules.pay.legend')}</legend>
        <div className="form-row">
          {repairTiers.map((tier) => (
            <Field key={tier} id={`${prefix}-labour-${tier}`} label={`${t(`claimRules.pay.labour.${tier}`)} (${format.currency})`} hint={t('claimRules.pay.labourHint')} error={errors[`labourRates.${tier}`]}>
              {(control) => (
                <input
                  {...control}
                  className="amount-input"
                  inputMode="decimal"
                  autoComplete="off"
                  maxLength={16}
                  value={draft.labour[tier]}
                  onChange={(event) => set('labour', { ...draft.labour, [tier]: event.target.value }, `labourRates.${tier}`)}
                />
              )}
            </Field>
          ))}
          <Field id={`${prefix}-markup`} label={t('claimRules.pay.markup')} hint={t('claimRules.pay.markupHint')} error={errors.partsMarkupBp}>
            {(control) => <input {...control} inputMode="decimal" autoComplete="off" maxLength={8} value={draft.markup} onChange={(event) => set('markup', event.target.value, 'partsMarkupBp')} />}
          </Field>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('claimRules.deadlines.legend')}</legend>
        <div className="form-row">
          <Field id={`${prefix}-claim-window`} label={t('claimRules.deadlines.claimWindowDays')} hint={t('claimRules.deadlines.claimWindowHint')} error={errors.claimWindowDays}>
            {(control) => <input {...control} inputMode="numeric" autoComplete="off" maxLength={4} value={draft.claimWindowDays} onChange={(event) => set('claimWindowDays', event.target.value)} />}
          </Field>
          <Field id={`${prefix}-return-days`} label={t('claimRules.deadlines.defectiveReturnDays')} hint={t('claimRules.deadlines.defectiveReturnHint')} error={errors.defectiveReturnDays}>
            {(control) => <input {...control} inputMode="numeric" autoComplete="off" maxLength={4} value={draft.defectiveReturnDays} onChange={(event) => set('defectiveReturnDays', event.target.value)} />}
          </Field>
        </div>
      </fieldset>
      <CheckboxGroup
        id={`${prefix}-required`}
        legend={t('claimRules.required.legend')}
        options={requirableClaimFields}
        labelOf={(field) => t(`claimRules.required.field.${field}`)}
        checked={draft.requiredFields}
        onChange={(next) => set('requiredFields', next)}
        error={errors.requiredFields}
      >
        <p className="field-hint">{t('claimRules.required.hint')}</p>
      </CheckboxGroup>
      <ExportProfileFields
        prefix={prefix}
        formats={draft.formats}
        csvBom={draft.csvBom}
        columns={draft.columns}
        onFormats={onFormats}
        onCsvBom={onCsvBom}
        onColumns={onColumns}
        errors={errors}
        clear={clear}
      />
      <SyncFields
        prefix={prefix}
        url={draft.syncUrl}
        onUrl={(url) => set('syncUrl', url)}
        tokenSet={rules.syncTokenSet ?? false}
        token={draft.token}
        onToken={(token) => set('token', token, 'syncToken')}
        errors={errors}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" aria-busy={form.busy || undefined}>
          {form.busy ? t('common.saving') : t('claimRules.save')}
        </button>
        <StatusMessage message={status} />
      </div>
    </form>
  )
}

/**
 * The ledger's issues on the form's own paths: a checklist item shows on its checklist, and an
 * endpoint or token refusal worded with a key the UI cannot translate gets the form's wording.
 */
function placeIssues(error: unknown, known: (key: string) => boolean): unknown {
  if (!(error instanceof RpcFailure) || !error.error.issues) return error
  const issues = error.error.issues.map((issue) => {
    const path = formPathOf(issue.path).split('.')
    const fallback = fallbackKeys[path[0] ?? '']
    const messageKey = fallback && !known(issue.messageKey) ? fallback : issue.messageKey
    return { ...issue, path, messageKey }
  })
  return new RpcFailure({ ...error.error, issues })
}
