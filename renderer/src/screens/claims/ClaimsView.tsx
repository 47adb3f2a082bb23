import { useTranslation } from 'react-i18next'
import { claimStatuses } from '../../../../shared/claims'
import { Field } from '../../components/Field'
import { LoadError, Loading } from '../../components/Feedback'
import { ClaimDetail } from './ClaimDetail'
import { ClaimTable } from './ClaimTable'
import type { SectionProps } from './ClaimsScreen'
import type { StatusFilter } from './claims-book'
import { useClaimPages } from './claims-hooks'
import { ManufacturerSelect } from './ManufacturerSelect'

const statusFilters: StatusFilter[] = ['all', ...claimStatuses]

/** Claims by status and manufacturer, each with its problems inline; the claim opened below. */
export function ClaimsView({ book, change }: SectionProps) {
  const { t } = useTranslation()
  const pages = useClaimPages(book.status === 'all' ? [] : [book.status], book.manufacturerId)
  const claims = pages.data?.pages.flatMap((page) => page.items) ?? []
  const filtered = book.status !== 'all' || book.manufacturerId !== null
  const open = (claimId: number | null) => change({ claimId })
  return (
    <>
      <section aria-labelledby="claims-list-title" aria-busy={pages.isFetching || undefined}>
        <h2 id="claims-list-title" tabIndex={-1}>{t('claimsScreen.list.title')}</h2>
        <div role="search" aria-label={t('claimsScreen.list.filters')} className="form-row">
          <ManufacturerSelect id="claims-filter-manufacturer" value={book.manufacturerId} onChange={(manufacturerId) => change({ manufacturerId })} emptyLabel={t('claimsScreen.allManufacturers')} />
          <Field id="claims-filter-status" label={t('claimsScreen.list.status')}>
            {(control) => (
              <select {...control} value={book.status} onChange={(event) => change({ status: event.target.value as StatusFilter })}>
                {statusFilters.map((status) => (
                  <option key={status} value={status}>
                    {status === 'all' ? t('claimsScreen.list.allStatuses') : t(`claimStatus.${status}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {pages.isPending && <Loading />}
        {pages.isError && <LoadError error={pages.error} onRetry={() => void pages.refetch()} />}
        {pages.isSuccess && claims.length === 0 && <p className="empty-state">{filtered ? t('claimsScreen.list.noMatches') : t('claimsScreen.list.empty')}</p>}
        {claims.length > 0 && <ClaimTable claims={claims} selectedId={book.claimId} onOpen={open} />}
        {pages.hasNextPage && (
          <div className="form-actions">
            <button type="button" className="button" aria-busy={pages.isFetchingNextPage || undefined} onClick={() => void pages.fetchNextPage()}>
              {pages.isFetchingNextPage ? t('common.loading') : t('claimsScreen.loadMore')}
            </button>
          </div>
        )}
      </section>
      {book.claimId !== null && <ClaimDetail key={book.claimId} claimId={book.claimId} onClose={() => closeDetail(book.claimId!, () => open(null))} />}
    </>
  )
}

/** Closing the claim puts focus back on the row's button that opened it (or the list's heading). */
function closeDetail(claimId: number, close: () => void) {
  close()
  requestAnimationFrame(() => (document.getElementById(`claim-open-${claimId}`) ?? document.getElementById('claims-list-title'))?.focus())
}
