import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BatchDetailDto } from '../../../../shared/dto/claim-batches'
import type { ClaimSummaryDto } from '../../../../shared/dto/claims'
import { Field } from '../../components/Field'
import { LoadError, Loading } from '../../components/Feedback'
import { useShopFormat } from '../../shop-format'
import { useClaimForm, useClaimsOf } from './claims-hooks'
import { FormFrame } from './FormFrame'
import { ManufacturerSelect } from './ManufacturerSelect'
import { ProblemList } from './ProblemList'

const hasErrors = (claim: ClaimSummaryDto) => claim.problems.some((p) => p.severity === 'error')

/**
 * A new batch: one manufacturer's ready claims, all ticked to start with (those that no longer
 * pass their checks are left out), with the totals of what is ticked, and a note.
 */
export function BatchCreateForm({ initialManufacturerId, onClose, onCreated }: { initialManufacturerId: number | null; onClose: () => void; onCreated: (batch: BatchDetailDto) => void }) {
  const { t } = useTranslation()
  const [manufacturerId, setManufacturerId] = useState<number | null>(initialManufacturerId)
  const [unticked, setUnticked] = useState<number[]>([])
  const [note, setNote] = useState('')
  const ready = useClaimsOf(manufacturerId ?? 0, ['ready'])
  const form = useClaimForm('batches.create', ['manufacturerId', 'claimIds', 'note'], onCreated)
  const claims = ready.data?.items ?? []
  const chosen = claims.filter((claim) => !unticked.includes(claim.id) && !hasErrors(claim))
  const id = 'batch-create'

  const toggle = (claimId: number, on: boolean) => {
    setUnticked((current) => (on ? current.filter((c) => c !== claimId) : [...current, claimId]))
    form.clear('claimIds')
  }
  const submit = () => {
    if (!manufacturerId) return form.failLocally({ manufacturerId: t('claimsScreen.batches.chooseManufacturer') })
    if (chosen.length === 0) return form.failLocally({ claimIds: t('claimsScreen.batches.chooseClaims') })
    form.send({ manufacturerId, claimIds: chosen.map((claim) => claim.id).sort((a, b) => a - b), note: note.trim() })
  }

  return (
    <FormFrame
      id={id}
      title={t('claimsScreen.batches.newTitle')}
      hint={t('claimsScreen.batches.newHint')}
      submitLabel={t('claimsScreen.batches.create', { count: chosen.length })}
      busy={form.busy}
      general={form.errors.general}
      failures={form.failures}
      onSubmit={submit}
      onClose={onClose}
    >
      <ManufacturerSelect
        id={`${id}-manufacturer`}
        value={manufacturerId}
        onChange={(next) => {
          setManufacturerId(next)
          setUnticked([])
          form.clear('manufacturerId', 'claimIds')
        }}
        emptyLabel={t('claimsScreen.chooseManufacturer')}
        error={form.errors.fields.manufacturerId}
      />
      {manufacturerId !== null && (
        <fieldset id={`${id}-claims`} className={form.errors.fields.claimIds ? 'claim-fieldset field-invalid' : 'claim-fieldset'} aria-describedby={form.errors.fields.claimIds ? `${id}-claims-error` : undefined} aria-busy={ready.isFetching || undefined}>
          <legend>{t('claimsScreen.batches.readyClaims')}</legend>
          {ready.isPending && <Loading />}
          {ready.isError && <LoadError error={ready.error} onRetry={() => void ready.refetch()} />}
          {ready.isSuccess && claims.length === 0 && <p className="empty-state">{t('claimsScreen.batches.noReady')}</p>}
          {claims.length > 0 && <ReadyClaims id={id} claims={claims} chosen={chosen.map((c) => c.id)} onToggle={toggle} invalid={Boolean(form.errors.fields.claimIds)} />}
          {form.errors.fields.claimIds && (
            <p id={`${id}-claims-error`} className="field-error">
              {form.errors.fields.claimIds}
            </p>
          )}
        </fieldset>
      )}
      <Field id={`${id}-note`} label={`${t('claimsScreen.batches.note')} ${t('common.optional')}`} error={form.errors.fields.note}>
        {(control) => <input {...control} maxLength={500} autoComplete="off" value={note} onChange={(event) => setNote(event.target.value)} />}
      </Field>
    </FormFrame>
  )
}

function ReadyClaims({ id, claims, chosen, onToggle, invalid }: { id: string; claims: ClaimSummaryDto[]; chosen: number[]; onToggle: (claimId: number, on: boolean) => void; invalid: boolean }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const picked = claims.filter((claim) => chosen.includes(claim.id))
  const sum = (pick: (claim: ClaimSummaryDto) => number) => picked.reduce((total, claim) => total + pick(claim), 0)
  return (
    <>
      <div className="table-scroll">
        <table className="table table-compact">
          <caption className="visually-hidden">{t('claimsScreen.batches.readyClaims')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('claimsScreen.batches.include')}</th>
              <th scope="col">{t('claimsScreen.claim')}</th>
              <th scope="col">{t('claimsScreen.device')}</th>
              <th scope="col">{t('claimsScreen.customer')}</th>
              <th scope="col">{t('claimsScreen.detail.deadline')}</th>
              <th scope="col" className="num">
                {t('claimsScreen.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {claims.map((claim, index) => {
              const blocked = claim.problems.some((p) => p.severity === 'error')
              return (
                <tr key={claim.id}>
                  <td>
                    <input
                      type="checkbox"
                      id={`${id}-claim-${claim.id}`}
                      checked={chosen.includes(claim.id)}
                      disabled={blocked}
                      aria-invalid={invalid && index === 0 ? true : undefined}
                      aria-label={t('claimsScreen.batches.includeLabel', { claim: claim.number })}
                      onChange={(event) => onToggle(claim.id, event.target.checked)}
                    />
                  </td>
                  <th scope="row" className="mono nowrap">
                    {claim.number}
                  </th>
                  <td>
                    {claim.modelName}
                    <div className="mono muted">{claim.imei ?? claim.serial ?? ''}</div>
                  </td>
                  <td>{claim.customerName}</td>
                  <td className="nowrap">
                    {format.date(claim.deadline)}
                    <ProblemList problems={claim.problems} />
                  </td>
                  <td className="num">{format.money(claim.totalMinor)}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <p className="meta" role="status" aria-live="polite">
        {t('claimsScreen.batches.totals', { count: picked.length, labour: format.money(sum((c) => c.labourMinor)), parts: format.money(sum((c) => c.partsMinor)), total: format.money(sum((c) => c.totalMinor)) })}
      </p>
    </>
  )
}
