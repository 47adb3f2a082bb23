import { useTranslation } from 'react-i18next'
import type { OutboxItemDto } from '../../../../shared/dto/claim-outcomes'
import { ErrorAlert } from '../../components/Feedback'
import { useShopFormat } from '../../shop-format'
import { Facts } from '../ticket-detail/Facts'
import { useClaimForm } from './claims-hooks'

/** One batch in the outbox: where it stands, when it is tried next, the last error, every attempt, and Retry. */
export function OutboxItem({ item, onRetried, onOpenBatch }: { item: OutboxItemDto; onRetried: (message: string) => void; onOpenBatch: (batchId: number) => void }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const retry = useClaimForm('sync.retry', [], (next) => onRetried(t('claimsScreen.outbox.retried', { batch: next.batch.number })))
  const id = `outbox-${item.id}`
  const canRetry = item.status === 'failed' || item.status === 'queued'
  return (
    <article aria-labelledby={`${id}-title`} className={item.status === 'failed' ? 'work-panel outbox-item outbox-failed' : 'work-panel outbox-item'}>
      <div className="screen-head">
        <h3 id={`${id}-title`}>{t('claimsScreen.outbox.itemTitle', { batch: item.batch.number, manufacturer: item.manufacturer.name })}</h3>
        <span className={item.status === 'failed' ? 'tag tag-danger' : item.status === 'acknowledged' ? 'tag' : 'tag tag-warning'}>{t(`claimsScreen.syncStatus.${item.status}`)}</span>
      </div>
      <Facts
        rows={[
          [t('claimsScreen.batches.claims'), t('claimsScreen.outbox.claimsTotal', { count: item.batch.claimCount, total: format.money(item.batch.totalMinor) })],
          [t('claimsScreen.outbox.attempts'), String(item.attempts)],
          [t('claimsScreen.outbox.nextAttempt'), item.nextAttemptAtMs !== null && item.status === 'queued' ? format.instant(item.nextAttemptAtMs) : ''],
          [t('claimsScreen.outbox.lastHttpStatus'), item.lastHttpStatus === null ? '' : String(item.lastHttpStatus)],
          [t('claimsScreen.outbox.queuedAt'), format.instant(item.createdAtMs)],
          [t('claimsScreen.outbox.acknowledgedAt'), item.acknowledgedAtMs === null ? '' : format.instant(item.acknowledgedAtMs)],
          [t('claimsScreen.outbox.acknowledgement'), item.acknowledgement ? t('claimsScreen.outbox.ackCounts', item.acknowledgement) : ''],
          [t('claimsScreen.outbox.idempotencyKey'), item.idempotencyKey],
        ]}
      />
      {item.lastError && (
        <p className={item.status === 'failed' ? 'alert alert-error' : 'alert alert-warning'}>{t('claimsScreen.outbox.lastError', { error: item.lastError })}</p>
      )}
      <div className="form-actions">
        {canRetry && (
          <button type="button" className="button button-primary" aria-busy={retry.busy || undefined} aria-label={t('claimsScreen.outbox.retryLabel', { batch: item.batch.number })} onClick={() => retry.send({ id: item.id })}>
            {retry.busy ? t('claimsScreen.outbox.retrying') : t('claimsScreen.outbox.retry')}
          </button>
        )}
        <button type="button" className="button" aria-label={t('claimsScreen.batches.openLabel', { batch: item.batch.number })} onClick={() => onOpenBatch(item.batch.id)}>
          {t('claimsScreen.outbox.openBatch')}
        </button>
      </div>
      <ErrorAlert message={retry.errors.general} />
      {item.history.length === 0 ? (
        <p className="empty-state">{t('claimsScreen.outbox.noAttempts')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table table-compact">
            <caption className="visually-hidden">{t('claimsScreen.outbox.attemptsCaption', { batch: item.batch.number })}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('claimsScreen.outbox.attempt')}
                </th>
                <th scope="col">{t('claimsScreen.outbox.startedAt')}</th>
                <th scope="col" className="num">
                  {t('claimsScreen.outbox.httpStatus')}
                </th>
                <th scope="col">{t('claimsScreen.outbox.result')}</th>
                <th scope="col">{t('claimsScreen.outbox.error')}</th>
              </tr>
            </thead>
            <tbody>
              {item.history.map((attempt) => (
                <tr key={attempt.attempt}>
                  <td className="num">{attempt.attempt}</td>
                  <td className="nowrap">{format.instant(attempt.startedAtMs)}</td>
                  <td className="num">{attempt.httpStatus ?? t('claimsScreen.outbox.noResponse')}</td>
                  <td>{t(`claimsScreen.attemptResult.${attempt.result}`)}</td>
                  <td className="pre-wrap">{attempt.error}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  )
}
