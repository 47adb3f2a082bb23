import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BatchDetailDto } from '../../../../shared/dto/claim-batches'
import { ErrorAlert, LoadError, Loading, StatusMessage } from '../../components/Feedback'
import { useFocusOnMount } from '../../components/useFocusOnMount'
import { useShopFormat } from '../../shop-format'
import { Facts } from '../ticket-detail/Facts'
import { BatchClaims } from './BatchClaims'
import { BatchReturnParts } from './BatchReturnParts'
import { useBatch, useClaimForm, useClaimRules } from './claims-hooks'
import { ExportPanel } from './ExportPanel'
import { MarkSubmittedForm } from './MarkSubmittedForm'

/** One batch: its facts and totals, its claims, the defective parts to send back, export, mark submitted, queue for sync. */
export function BatchDetail({ batchId, onClose, onOpenClaim }: { batchId: number; onClose: () => void; onOpenClaim: (claimId: number) => void }) {
  const { t } = useTranslation()
  const batch = useBatch(batchId)
  const heading = useFocusOnMount<HTMLHeadingElement>()
  return (
    <section id="batch-detail" aria-labelledby="batch-detail-title" className="work-panel" aria-busy={batch.isFetching || undefined}>
      <div className="screen-head">
        <h2 id="batch-detail-title" ref={heading} tabIndex={-1}>
          {batch.data ? t('claimsScreen.batch.title', { batch: batch.data.number }) : t('claimsScreen.batch.loading')}
        </h2>
        <button type="button" className="button button-small" onClick={onClose}>
          {t('claimsScreen.batch.close')}
        </button>
      </div>
      {batch.isPending && <Loading />}
      {batch.isError && <LoadError error={batch.error} onRetry={() => void batch.refetch()} />}
      {batch.data && <BatchBody batch={batch.data} onOpenClaim={onOpenClaim} />}
    </section>
  )
}

function BatchBody({ batch, onOpenClaim }: { batch: BatchDetailDto; onOpenClaim: (claimId: number) => void }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const [status, setStatus] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const rules = useClaimRules(batch.manufacturer.id)
  const queue = useClaimForm('sync.enqueue', [], (item) => setStatus(t('claimsScreen.batch.queued', { batch: item.batch.number })))
  const open = batch.status === 'open'
  const canQueue = open && !batch.sync && Boolean(rules.data?.syncUrl)
  // A batch on its way online is not also marked submitted by hand, unless sending it failed.
  const canMark = open && (!batch.sync || batch.sync.status === 'failed')
  const closeSubmit = () => {
    setSubmitting(false)
    requestAnimationFrame(() => document.getElementById('batch-action-submitted')?.focus())
  }
  return (
    <>
      <StatusMessage message={status} />
      <Facts
        rows={[
          [t('claimsScreen.manufacturer'), batch.manufacturer.name],
          [t('claimsScreen.status'), t(`claimsScreen.batchStatus.${batch.status}`)],
          [t('claimsScreen.batches.claims'), String(batch.claimCount)],
          [t('claimsScreen.detail.labour'), format.money(batch.labourMinor)],
          [t('claimsScreen.detail.parts'), format.money(batch.partsMinor)],
          [t('claimsScreen.detail.total'), format.money(batch.totalMinor)],
          [t('claimsScreen.batches.createdBy'), `${batch.createdBy}, ${format.instant(batch.createdAtMs)}`],
          [t('claimsScreen.batch.note'), batch.note],
          [t('claimsScreen.batch.formats'), batch.exportProfile.formats.map((f) => f.toUpperCase()).join(t('common.listSeparator'))],
          [t('claimsScreen.batch.submittedReference'), batch.submittedReference ?? ''],
          [t('claimsScreen.batch.sync'), batch.sync ? t('claimsScreen.batch.syncState', { status: t(`claimsScreen.syncStatus.${batch.sync.status}`), attempts: batch.sync.attempts }) : ''],
        ]}
      />
      {batch.sync?.lastError && <p className="alert alert-warning">{t('claimsScreen.outbox.lastError', { error: batch.sync.lastError })}</p>}
      <div role="group" aria-label={t('claimsScreen.batch.actions')} className="form-actions">
        {canMark && (
          <button type="button" id="batch-action-submitted" className="button" aria-expanded={submitting} onClick={() => setSubmitting(true)}>
            {t('claimsScreen.batch.markSubmitted')}
          </button>
        )}
        {canQueue && (
          <button type="button" id="batch-action-queue" className="button" aria-busy={queue.busy || undefined} onClick={() => queue.send({ batchId: batch.id })}>
            {t('claimsScreen.batch.queue')}
          </button>
        )}
        {open && !batch.sync && rules.isSuccess && !rules.data.syncUrl && <p className="field-hint">{t('claimsScreen.batch.noSync', { manufacturer: batch.manufacturer.name })}</p>}
      </div>
      <ErrorAlert message={queue.errors.general} />
      {submitting && (
        <MarkSubmittedForm
          batch={batch}
          onClose={closeSubmit}
          onDone={(marked) => {
            setStatus(t('claimsScreen.batch.submitted', { batch: marked.number }))
            setSubmitting(false)
            requestAnimationFrame(() => document.getElementById('batch-detail-title')?.focus())
          }}
        />
      )}
      <ExportPanel batchId={batch.id} batchNumber={batch.number} />
      <BatchClaims claims={batch.claims} onOpenClaim={onOpenClaim} />
      <BatchReturnParts parts={batch.returnParts ?? []} />
    </>
  )
}
