import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { syncStatuses, type SyncStatus } from '../../../../shared/claims'
import { Field } from '../../components/Field'
import { LoadError, Loading, StatusMessage } from '../../components/Feedback'
import { useShopFormat } from '../../shop-format'
import type { SectionProps } from './ClaimsScreen'
import { outboxRefreshMs, useOutbox } from './claims-hooks'
import { OutboxItem } from './OutboxItem'

type OutboxFilter = SyncStatus | 'all'

/**
 * Batches queued for manufacturers' endpoints, with every attempt and the server's own words
 * when one failed; read again every few seconds, since a background worker does the sending.
 */
export function OutboxView({ change }: SectionProps) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const [filter, setFilter] = useState<OutboxFilter>('all')
  const [status, setStatus] = useState<string | null>(null)
  const outbox = useOutbox(filter === 'all' ? [] : [filter])
  const counts = outbox.data?.counts
  return (
    <section aria-labelledby="outbox-title" aria-busy={outbox.isFetching || undefined}>
      <h2 id="outbox-title">
        {t('claimsScreen.outbox.title')}
      </h2>
      <p className="field-hint">{t('claimsScreen.outbox.hint', { seconds: outboxRefreshMs / 1000 })}</p>
      <div className="form-row">
        <Field id="outbox-filter" label={t('claimsScreen.outbox.filter')}>
          {(control) => (
            <select {...control} value={filter} onChange={(event) => setFilter(event.target.value as OutboxFilter)}>
              <option value="all">{t('claimsScreen.outbox.all')}</option>
              {syncStatuses.map((value) => (
                <option key={value} value={value}>
                  {counts ? t('claimsScreen.outbox.statusCount', { status: t(`claimsScreen.syncStatus.${value}`), count: counts[value] }) : t(`claimsScreen.syncStatus.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {counts && (
        <p className="meta">
          {syncStatuses.map((value) => (
            <span key={value} className={value === 'failed' && counts.failed > 0 ? 'tag tag-danger' : 'tag'}>
              {t('claimsScreen.outbox.statusCount', { status: t(`claimsScreen.syncStatus.${value}`), count: counts[value] })}
            </span>
          ))}
          {outbox.dataUpdatedAt > 0 && <span className="muted"> {t('claimsScreen.outbox.updatedAt', { time: format.instant(outbox.dataUpdatedAt) })}</span>}
        </p>
      )}
      <StatusMessage message={status} />
      {outbox.isPending && <Loading />}
      {outbox.isError && <LoadError error={outbox.error} onRetry={() => void outbox.refetch()} />}
      {outbox.data?.items.length === 0 && <p className="empty-state">{filter === 'all' ? t('claimsScreen.outbox.empty') : t('claimsScreen.outbox.noMatches')}</p>}
      {outbox.data?.items.map((item) => (
        <OutboxItem key={item.id} item={item} onRetried={setStatus} onOpenBatch={(batchId) => change({ section: 'batches', batchId })} />
      ))}
    </section>
  )
}
