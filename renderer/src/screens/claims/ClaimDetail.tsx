import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClaimOutcome } from '../../../../shared/claims'
import type { ClaimDetailDto } from '../../../../shared/dto/claims'
import { ErrorAlert, LoadError, Loading, StatusMessage } from '../../components/Feedback'
import { useFocusOnMount } from '../../components/useFocusOnMount'
import { ClaimEditForm } from './ClaimEditForm'
import { ClaimFacts } from './ClaimFacts'
import { ClaimHistory } from './ClaimHistory'
import { ClaimLines } from './ClaimLines'
import { claimKeys, useClaim, useClaimForm } from './claims-hooks'
import { OutcomeForm } from './OutcomeForm'
import { ProblemList } from './ProblemList'

type ClaimAction = 'edit' | 'outcome'

/** One claim: its fields, problems, what can be done with it now, its parts lines and history. */
export function ClaimDetail({ claimId, onClose }: { claimId: number; onClose: () => void }) {
  const { t } = useTranslation()
  const claim = useClaim(claimId)
  const heading = useFocusOnMount<HTMLHeadingElement>()
  const title = claim.data ? t('claimsScreen.detail.title', { claim: claim.data.number, revision: claim.data.revision }) : t('claimsScreen.detail.loading')
  return (
    <section id="claim-detail" aria-labelledby="claim-detail-title" className="work-panel claim-detail" aria-busy={claim.isFetching || undefined}>
      <div className="screen-head">
        <h2 id="claim-detail-title" ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <button type="button" className="button button-small" onClick={onClose}>
          {t('claimsScreen.detail.close')}
        </button>
      </div>
      {claim.isPending && <Loading />}
      {claim.isError && <LoadError error={claim.error} onRetry={() => void claim.refetch()} />}
      {claim.data && <ClaimBody claim={claim.data} />}
    </section>
  )
}

function ClaimBody({ claim }: { claim: ClaimDetailDto }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState<ClaimAction | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  // Where focus goes once a form closes: back to its button, or to the next step after a save.
  const [focusAfter, setFocusAfter] = useState<string | null>(null)
  const queryClient = useQueryClient()
  // A write answers with the claim as it now is: show that at once (the lists refresh behind).
  const show = (next: ClaimDetailDto) => queryClient.setQueryData(claimKeys.detail(next.id), next)
  const check = useClaimForm('claims.validate', [], (checked) => {
    show(checked)
    const errors = checked.problems.filter((p) => p.severity === 'error').length
    setStatus(checked.status === 'ready' ? t('claimsScreen.detail.checkedReady', { claim: checked.number }) : t('claimsScreen.detail.checkedProblems', { claim: checked.number, count: errors }))
  })

  // Once the form has gone and the claim shows its new state (the next step's button may be new).
  useEffect(() => {
    if (open !== null || !focusAfter) return
    const target = document.getElementById(focusAfter)
    if (target) {
      target.focus()
      setFocusAfter(null)
    }
  }, [open, focusAfter, claim.status, claim.revision])

  const close = () => {
    setFocusAfter(`claim-action-${open}`)
    setOpen(null)
  }
  const editable = claim.status === 'draft' || claim.status === 'ready'
  const checkable = editable
  const resubmittable = claim.status === 'rejected'
  const answerable = claim.status === 'batched' || claim.status === 'submitted'
  const errors = claim.problems.filter((p) => p.severity === 'error').length

  return (
    <div>
      <StatusMessage message={status} />
      <ClaimFacts claim={claim} />
      {claim.problems.length > 0 && (
        <section aria-labelledby="claim-problems-title" className="claim-problems-panel">
          <h3 id="claim-problems-title">{errors > 0 ? t('claimsScreen.detail.problemsTitle', { count: errors }) : t('claimsScreen.detail.warningsTitle')}</h3>
          <ProblemList problems={claim.problems} />
        </section>
      )}
      {claim.status === 'rejected' && claim.rejectionReason && <p className="alert alert-warning">{t('claimsScreen.rejectedBecause', { reason: claim.rejectionReason })}</p>}
      <div role="group" aria-label={t('claimsScreen.detail.actions')} className="form-actions">
        {checkable && (
          <button type="button" id="claim-action-check" className="button button-primary" aria-busy={check.busy || undefined} onClick={() => check.send({ id: claim.id })}>
            {check.busy ? t('claimsScreen.detail.checking') : t('claimsScreen.detail.check')}
          </button>
        )}
        {editable && (
          <button type="button" id="claim-action-edit" className="button" aria-expanded={open === 'edit'} onClick={() => setOpen('edit')}>
            {t('claimsScreen.detail.edit')}
          </button>
        )}
        {resubmittable && (
          <button type="button" id="claim-action-edit" className="button button-primary" aria-expanded={open === 'edit'} onClick={() => setOpen('edit')}>
            {t('claimsScreen.detail.resubmit')}
          </button>
        )}
        {answerable && (
          <button type="button" id="claim-action-outcome" className="button button-primary" aria-expanded={open === 'outcome'} onClick={() => setOpen('outcome')}>
            {t('claimsScreen.detail.recordOutcome')}
          </button>
        )}
      </div>
      <ErrorAlert message={check.errors.general} />
      {open === 'edit' && (
        <ClaimEditForm
          claim={claim}
          onClose={close}
          onSaved={(saved) => {
            show(saved)
            setStatus(saved.revision > claim.revision ? t('claimsScreen.detail.resubmitted', { claim: saved.number, revision: saved.revision }) : t('claimsScreen.detail.saved', { claim: saved.number }))
            // The next step after a correction is to check the claim again.
            setFocusAfter('claim-action-check')
            setOpen(null)
          }}
        />
      )}
      {open === 'outcome' && (
        <OutcomeForm
          claim={claim}
          onClose={close}
          onDone={(answered, outcome: ClaimOutcome) => {
            show(answered)
            setStatus(outcome === 'accepted' ? t('claimsScreen.detail.accepted', { claim: answered.number }) : t('claimsScreen.detail.rejected', { claim: answered.number }))
            setFocusAfter(answered.status === 'rejected' ? 'claim-action-edit' : 'claim-detail-title')
            setOpen(null)
          }}
        />
      )}
      <ClaimLines lines={claim.lines} partsMinor={claim.partsMinor} />
      <ClaimHistory events={claim.events} />
    </div>
  )
}
