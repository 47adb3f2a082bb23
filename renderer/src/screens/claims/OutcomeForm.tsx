import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { claimOutcomes, type ClaimOutcome } from '../../../../shared/claims'
import type { InputOf } from '../../../../shared/contract'
import type { ClaimDetailDto } from '../../../../shared/dto/claims'
import { isBusinessDate } from '../../../../shared/dates'
import { Field } from '../../components/Field'
import { RadioGroup } from '../../components/RadioGroup'
import { errorMessage } from '../../errors'
import { useShopFormat } from '../../shop-format'
import { amountText, parseAmount } from '../payments/amount-text'
import { AmountField } from '../payments/MoneyFields'
import { useClaimForm } from './claims-hooks'
import { FormFrame } from './FormFrame'

/** The manufacturer's answer on a sent claim: accepted (with what it approved and its reference) or rejected (with its reason). */
export function OutcomeForm({ claim, onClose, onDone }: { claim: ClaimDetailDto; onClose: () => void; onDone: (claim: ClaimDetailDto, outcome: ClaimOutcome) => void }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const [outcome, setOutcome] = useState<ClaimOutcome>('accepted')
  const [approved, setApproved] = useState(() => amountText(claim.totalMinor, format.currency))
  const [reference, setReference] = useState(claim.manufacturerRef ?? '')
  const [reason, setReason] = useState('')
  const [date, setDate] = useState(format.today())
  const [note, setNote] = useState('')
  const form = useClaimForm('claims.recordOutcome', ['outcome', 'approvedMinor', 'reference', 'reason', 'date', 'note'], (answer) => onDone(answer, outcome))
  const id = 'claim-outcome'

  const submit = () => {
    const fields: Record<string, string> = {}
    const input: InputOf<'claims.recordOutcome'> = { id: claim.id, outcome, note: note.trim() }
    if (reference.trim()) input.reference = reference.trim()
    if (!isBusinessDate(date)) fields.date = t('claimsScreen.outcome.dateRequired')
    else input.date = date
    if (outcome === 'accepted') {
      const minor = parseAmount(approved, format.currency)
      if (typeof minor === 'number') input.approvedMinor = minor
      else fields.approvedMinor = errorMessage(t, minor)
    } else {
      if (!reason.trim()) fields.reason = t('claimsScreen.outcome.reasonRequired')
      input.reason = reason.trim()
    }
    if (Object.keys(fields).length) return form.failLocally(fields)
    form.send(input)
  }

  return (
    <FormFrame
      id={id}
      title={t('claimsScreen.outcome.title', { claim: claim.number })}
      hint={t('claimsScreen.outcome.hint', { amount: format.money(claim.totalMinor) })}
      submitLabel={outcome === 'accepted' ? t('claimsScreen.outcome.saveAccepted') : t('claimsScreen.outcome.saveRejected')}
      busy={form.busy}
      general={form.errors.general}
      failures={form.failures}
      onSubmit={submit}
      onClose={onClose}
    >
      <RadioGroup
        id={`${id}-outcome`}
        legend={t('claimsScreen.outcome.answer')}
        options={claimOutcomes}
        labelOf={(option) => t(`claimsScreen.outcome.${option}`)}
        value={outcome}
        onChange={(next) => {
          setOutcome(next)
          form.clear('approvedMinor', 'reason')
        }}
        error={form.errors.fields.outcome}
      />
      <div className="form-row">
        {outcome === 'accepted' ? (
          <AmountField
            id={`${id}-approved`}
            label={t('claimsScreen.outcome.approved')}
            hint={t('claimsScreen.outcome.approvedHint')}
            value={approved}
            onChange={(text) => {
              setApproved(text)
              form.clear('approvedMinor')
            }}
            error={form.errors.fields.approvedMinor}
          />
        ) : (
          <Field id={`${id}-reason`} label={t('claimsScreen.outcome.reason')} hint={t('claimsScreen.outcome.reasonHint')} error={form.errors.fields.reason}>
            {(control) => (
              <textarea
                {...control}
                rows={2}
                maxLength={500}
                value={reason}
                onChange={(event) => {
                  setReason(event.target.value)
                  form.clear('reason')
                }}
              />
            )}
          </Field>
        )}
        <Field id={`${id}-reference`} label={`${t('claimsScreen.outcome.reference')} ${t('common.optional')}`} error={form.errors.fields.reference}>
          {(control) => <input {...control} className="mono" maxLength={60} autoComplete="off" spellCheck={false} value={reference} onChange={(event) => setReference(event.target.value)} />}
        </Field>
        <Field id={`${id}-date`} label={t('claimsScreen.outcome.date')} error={form.errors.fields.date}>
          {(control) => (
            <input
              {...control}
              type="date"
              max={format.today()}
              value={date}
              onChange={(event) => {
                setDate(event.target.value)
                form.clear('date')
              }}
            />
          )}
        </Field>
      </div>
      <Field id={`${id}-note`} label={`${t('claimsScreen.outcome.note')} ${t('common.optional')}`} error={form.errors.fields.note}>
        {(control) => <input {...control} maxLength={500} autoComplete="off" value={note} onChange={(event) => setNote(event.target.value)} />}
      </Field>
    </FormFrame>
  )
}
