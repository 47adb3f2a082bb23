import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LoadError, Loading, StatusMessage } from '../../components/Feedback'
import { BatchCreateForm } from './BatchCreateForm'
import { BatchDetail } from './BatchDetail'
import { BatchTable } from './BatchTable'
import type { SectionProps } from './ClaimsScreen'
import { useBatchPages } from './claims-hooks'
import { ManufacturerSelect } from './ManufacturerSelect'

/** Batches per manufacturer, newest first; a new batch from ready claims; the batch opened below. */
export function BatchesView({ book, change }: SectionProps) {
  const { t } = useTranslation()
  const pages = useBatchPages(book.manufacturerId)
  const [creating, setCreating] = useState(false)
  const [status, setStatus] = useState<string | null>(null)
  const batches = pages.data?.pages.flatMap((page) => page.items) ?? []
  const closeCreate = () => {
    setCreating(false)
    requestAnimationFrame(() => document.getElementById('batch-new')?.focus())
  }
  return (
    <>
      <div className="form-actions">
        <button type="button" id="batch-new" className="button button-primary" aria-expanded={creating} onClick={() => setCreating((open) => !open)}>
          {t('claimsScreen.batches.new')}
        </button>
      </div>
      <StatusMessage message={status} />
      {creating && (
        <BatchCreateForm
          initialManufacturerId={book.manufacturerId}
          onClose={closeCreate}
          onCreated={(batch) => {
            setCreating(false)
            setStatus(t('claimsScreen.batches.created', { batch: batch.number, count: batch.claimCount }))
            change({ batchId: batch.id })
          }}
        />
      )}
      <section aria-labelledby="batches-title" aria-busy={pages.isFetching || undefined}>
        <h2 id="batches-title" tabIndex={-1}>
          {t('claimsScreen.batches.title')}
        </h2>
        <div role="search" aria-label={t('claimsScreen.list.filters')} className="form-row">
          <ManufacturerSelect id="batches-filter-manufacturer" value={book.manufacturerId} onChange={(manufacturerId) => change({ manufacturerId })} emptyLabel={t('claimsScreen.allManufacturers')} />
        </div>
        {pages.isPending && <Loading />}
        {pages.isError && <LoadError error={pages.error} onRetry={() => void pages.refetch()} />}
        {pages.isSuccess && batches.length === 0 && <p className="empty-state">{t('claimsScreen.batches.empty')}</p>}
        {batches.length > 0 && <BatchTable batches={batches} selectedId={book.batchId} onOpen={(batchId) => change({ batchId })} />}
        {pages.hasNextPage && (
          <div className="form-actions">
            <button type="button" className="button" aria-busy={pages.isFetchingNextPage || undefined} onClick={() => void pages.fetchNextPage()}>
              {pages.isFetchingNextPage ? t('common.loading') : t('claimsScreen.loadMore')}
            </button>
          </div>
        )}
      </section>
      {book.batchId !== null && (
        <BatchDetail
          key={book.batchId}
          batchId={book.batchId}
          onOpenClaim={(claimId) => change({ section: 'claims', claimId })}
          onClose={() => {
            const id = book.batchId!
            change({ batchId: null })
            requestAnimationFrame(() => (document.getElementById(`batch-open-${id}`) ?? document.getElementById('batches-title'))?.focus())
          }}
        />
      )}
    </>
  )
}
