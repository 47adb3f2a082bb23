import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RemittanceDto } from '../../../../shared/dto/claim-outcomes'
import type { ClaimSummaryDto } from '../../../../shared/dto/claims'
import { isBusinessDate } from '../../../../shared/dates'
import { Field } from '../../components/Field'
import { LoadError, Loading } from '../../components/Feedback'
import { errorMessage } from '../../errors'
import { useShopFormat } from '../../shop-format'
import { useClaimText } from './claim-text'
import { useClaimForm, useClaimsOf } from './claims-hooks'
import { FormFrame } from './FormFrame'
import { ManufacturerSelect } from './ManufacturerSelect'
import { parseLineAmount, rowsOf, type RemittanceRow } from './remittance-draft'
import { RemittanceLines } from './RemittanceLines'

/** Claims a remittance usually pays: sent and not yet paid in full. */
const awaitingStatuses = ['batched', 'submitted', 'accepted'] as const

/**
 * A remittance from a manufacturer: its reference and date, and the amount paid on each claim
 * awaiting payment (prefilled with what is expected). "Show differences" asks the ledger what
 * the payment would do to each claim, writing nothing; the clerk then records it.
 */
export function RemittanceForm({ initialManufacturerId, onClose, onRecorded }: { initialManufacturerId: number | null; onClose: () => void; onRecorded: (remittance: RemittanceDto) => void }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const [manufacturerId, setManufacturerId] = useState<number | null>(initialManufacturerId)
  const [reference, setReference] = useState('')
  const [paidDate, setPaidDate] = useState(format.today())
  const [note, setNote] = useState('')
  const [rows, setRows] = useState<RemittanceRow[] | null>(null)
  const [preview, setPreview] = useState<RemittanceDto | null>(null)
  const sentClaims = useRef<number[]>([])
  const previewRef = useRef<HTMLHeadingElement>(null)
  const awaiting = useClaimsOf(manufacturerId ?? 0, [...awaitingStatuses])
  const claims = awaiting.data?.items ?? []
  const current = rows ?? rowsOf(claims, format.currency)
  const form = useClaimForm('claims.recordPayment', ['manufacturerId', 'reference', 'paidDate', 'note', 'lines', ...claims.map((_, i) => `lines.${i}.amountMinor`)], (answer) => {
    if (answer.id === null) setPreview(answer)
    else onRecorded(answer)
  })
  const id = 'remittance'

  useEffect(() => {
    if (preview) previewRef.current?.focus()
  }, [preview])

  // Anything typed makes the differences shown stale: they are asked for again before recording.
  const edited = (...paths: string[]) => {
    setPreview(null)
    form.clear(...paths)
  }
  const setRow = (claimId: number, change: Partial<RemittanceRow>) => {
    setRows(current.map((row) => (row.claimId === claimId ? { ...row, ...change } : row)))
    const index = sentClaims.current.indexOf(claimId)
    edited('lines', ...(index >= 0 ? [`lines.${index}.amountMinor`] : []))
  }
  // A line's message: from a local check (by claim) or from the ledger (by its place in what was sent).
  const lineError = (claimId: number) => {
    const index = sentClaims.current.indexOf(claimId)
    return form.errors.fields[`claim-${claimId}`] ?? (index >= 0 ? form.errors.fields[`lines.${index}.amountMinor`] : undefined)
  }

  const submit = () => {
    const fields: Record<string, string> = {}
    if (!manufacturerId) fields.manufacturerId = t('claimsScreen.batches.chooseManufacturer')
    if (!reference.trim()) fields.reference = t('claimsScreen.remittance.referenceRequired')
    if (!isBusinessDate(paidDate)) fields.paidDate = t('claimsScreen.remittance.dateRequired')
    const lines: { claimId: number; amountMinor: number }[] = []
    for (const row of current.filter((r) => r.included)) {
      const minor = parseLineAmount(row.amount, format.currency)
      if (typeof minor === 'number') lines.push({ claimId: row.claimId, amountMinor: minor })
      else fields[`claim-${row.claimId}`] = errorMessage(t, minor)
    }
    if (manufacturerId && lines.length === 0 && !Object.keys(fields).some((key) => key.startsWith('claim-'))) fields.lines = t('claimsScreen.remittance.chooseClaims')
    if (Object.keys(fields).length || !manufacturerId) return form.failLocally(fields)
    sentClaims.current = lines.map((line) => line.claimId)
    form.send({ manufacturerId, reference: reference.trim(), paidDate, note: note.trim(), preview: preview === null, lines })
  }

  return (
    <FormFrame
      id={id}
      title={t('claimsScreen.remittance.newTitle')}
      hint={t('claimsScreen.remittance.newHint')}
      submitLabel={preview ? t('claimsScreen.remittance.record', { total: format.money(preview.totalMinor) }) : t('claimsScreen.remittance.preview')}
      busy={form.busy}
      general={form.errors.general}
      failures={form.failures}
      onSubmit={submit}
      onClose={onClose}
    >
      <div className="form-row">
        <ManufacturerSelect
          id={`${id}-manufacturer`}
          value={manufacturerId}
          onChange={(next) => {
            setManufacturerId(next)
            setRows(null)
            sentClaims.current = []
            edited('manufacturerId', 'lines')
          }}
          emptyLabel={t('claimsScreen.chooseManufacturer')}
          error={form.errors.fields.manufacturerId}
        />
        <Field id={`${id}-reference`} label={t('claimsScreen.remittance.reference')} hint={t('claimsScreen.remittance.referenceHint')} error={form.errors.fields.reference}>
          {(control) => (
            <input
              {...control}
              className="mono"
              maxLength={60}
              autoComplete="off"
              spellCheck={false}
              value={reference}
              onChange={(event) => {
                setReference(event.target.value)
                edited('reference')
              }}
            />
          )}
        </Field>
        <Field id={`${id}-date`} label={t('claimsScreen.remittance.paidDate')} error={form.errors.fields.paidDate}>
          {(control) => (
            <input
              {...control}
              type="date"
              max={format.today()}
              value={paidDate}
              onChange={(event) => {
                setPaidDate(event.target.value)
                edited('paidDate')
              }}
            />
          )}
        </Field>
      </div>
      {manufacturerId !== null && (
        <fieldset id={`${id}-lines`} className={form.errors.fields.lines ? 'claim-fieldset field-invalid' : 'claim-fieldset'} aria-describedby={form.errors.fields.lines ? `${id}-lines-error` : undefined} aria-busy={awaiting.isFetching || undefined}>
          <legend>{t('claimsScreen.remittance.awaiting')}</legend>
          {awaiting.isPending && <Loading />}
          {awaiting.isError && <LoadError error={awaiting.error} onRetry={() => void awaiting.refetch()} />}
          {awaiting.isSuccess && claims.length === 0 && <p className="empty-state">{t('claimsScreen.remittance.noneAwaiting')}</p>}
          {claims.length > 0 && <AwaitingClaims id={id} claims={claims} rows={current} onChange={setRow} errorOf={lineError} invalid={Boolean(form.errors.fields.lines)} />}
          {form.errors.fields.lines && (
            <p id={`${id}-lines-error`} className="field-error">
              {form.errors.fields.lines}
            </p>
          )}
        </fieldset>
      )}
      <Field id={`${id}-note`} label={`${t('claimsScreen.remittance.note')} ${t('common.optional')}`} error={form.errors.fields.note}>
        {(control) => (
          <input
            {...control}
            maxLength={500}
            autoComplete="off"
            value={note}
            onChange={(event) => {
              setNote(event.target.value)
              edited('note')
            }}
          />
        )}
      </Field>
      {preview && (
        <section aria-labelledby={`${id}-preview-title`} className="remittance-preview">
          <h4 id={`${id}-preview-title`} ref={previewRef} tabIndex={-1}>
            {t('claimsScreen.remittance.previewTitle', { total: format.money(preview.totalMinor), count: preview.lines.length })}
          </h4>
          <p className="field-hint">{t('claimsScreen.remittance.previewHint')}</p>
          <RemittanceLines remittance={preview} caption={t('claimsScreen.remittance.previewTitle', { total: format.money(preview.totalMinor), count: preview.lines.length })} />
        </section>
      )}
    </FormFrame>
  )
}

interface AwaitingClaimsProps {
  id: string
  claims: ClaimSummaryDto[]
  rows: RemittanceRow[]
  onChange: (claimId: number, change: Partial<RemittanceRow>) => void
  errorOf: (claimId: number) => string | undefined
  invalid: boolean
}

function AwaitingClaims({ id, claims, rows, onChange, errorOf, invalid }: AwaitingClaimsProps) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const text = useClaimText()
  return (
    <div className="table-scroll">
      <table className="table table-compact">
        <caption className="visually-hidden">{t('claimsScreen.remittance.awaiting')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('claimsScreen.remittance.pay')}</th>
            <th scope="col">{t('claimsScreen.claim')}</th>
            <th scope="col">{t('claimsScreen.status')}</th>
            <th scope="col" className="num">
              {t('claimsScreen.remittance.claimed')}
            </th>
            <th scope="col" className="num">
              {t('claimsScreen.remittance.approved')}
            </th>
            <th scope="col" className="num">
              {t('claimsScreen.remittance.paidBefore')}
            </th>
            <th scope="col">{t('claimsScreen.remittance.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {claims.map((claim, index) => {
            const row = rows.find((r) => r.claimId === claim.id) ?? { claimId: claim.id, included: false, amount: '' }
            const error = errorOf(claim.id)
            const inputId = `${id}-amount-${claim.id}`
            return (
              <tr key={claim.id}>
                <td>
                  <input
                    type="checkbox"
                    id={`${id}-pay-${claim.id}`}
                    checked={row.included}
                    aria-invalid={invalid && index === 0 ? true : undefined}
                    aria-label={t('claimsScreen.remittance.payLabel', { claim: claim.number })}
                    onChange={(event) => onChange(claim.id, { included: event.target.checked })}
                  />
                </td>
                <th scope="row" className="mono nowrap">
                  {claim.number}
                </th>
                <td>{text.status(claim.status)}</td>
                <td className="num">{format.money(claim.totalMinor)}</td>
                <td className="num">{claim.approvedMinor === null || claim.approvedMinor === undefined ? t('claimsScreen.remittance.notApproved') : format.money(claim.approvedMinor)}</td>
                <td className="num">{format.money(claim.paidMinor ?? 0)}</td>
                <td>
                  <input
                    id={inputId}
                    className="amount-input"
                    inputMode="decimal"
                    autoComplete="off"
                    maxLength={16}
                    disabled={!row.included}
                    aria-label={t('claimsScreen.remittance.amountLabel', { claim: claim.number })}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${inputId}-error` : undefined}
                    value={row.amount}
                    onChange={(event) => onChange(claim.id, { amount: event.target.value })}
                  />
                  {error && (
                    <p id={`${inputId}-error`} className="field-error">
                      {error}
                    </p>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
