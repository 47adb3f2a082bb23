import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RemittanceDto } from '../../../../shared/dto/claim-outcomes'
import { LoadError, Loading, StatusMessage } from '../../components/Feedback'
import { useShopFormat } from '../../shop-format'
import type { SectionProps } from './ClaimsScreen'
import { useRemittancePages } from './claims-hooks'
import { ManufacturerSelect } from './ManufacturerSelect'
import { RemittanceForm } from './RemittanceForm'
import { RemittanceLines } from './RemittanceLines'

/** Money from manufacturers: a new remittance (with its differences shown first), and those entered, newest first. */
export function RemittancesView({ book, change }: SectionProps) {
  const { t } = useTranslation()
  const pages = useRemittancePages(book.manufacturerId)
  const [entering, setEntering] = useState(false)
  const [status, setStatus] = useState<string | null>(null)
  const format = useShopFormat()
  const remittances = pages.data?.pages.flatMap((page) => page.items) ?? []
  const closeEntry = () => {
    setEntering(false)
    requestAnimationFrame(() => document.getElementById('remittance-new')?.focus())
  }
  return (
    <>
      <div className="form-actions">
        <button type="button" id="remittance-new" className="button button-primary" aria-expanded={entering} onClick={() => setEntering((open) => !open)}>
          {t('claimsScreen.remittance.new')}
        </button>
      </div>
      <StatusMessage message={status} />
      {entering && (
        <RemittanceForm
          initialManufacturerId={book.manufacturerId}
          onClose={closeEntry}
          onRecorded={(remittance) => {
            setStatus(t('claimsScreen.remittance.recorded', { reference: remittance.reference, total: format.money(remittance.totalMinor), count: remittance.lines.length }))
            closeEntry()
          }}
        />
      )}
      <section aria-labelledby="remittances-title" aria-busy={pages.isFetching || undefined}>
        <h2 id="remittances-title">{t('claimsScreen.remittance.listTitle')}</h2>
        <div role="search" aria-label={t('claimsScreen.list.filters')} className="form-row">
          <ManufacturerSelect id="remittances-filter-manufacturer" value={book.manufacturerId} onChange={(manufacturerId) => change({ manufacturerId })} emptyLabel={t('claimsScreen.allManufacturers')} />
        </div>
        {pages.isPending && <Loading />}
        {pages.isError && <LoadError error={pages.error} onRetry={() => void pages.refetch()} />}
        {pages.isSuccess && remittances.length === 0 && <p className="empty-state">{t('claimsScreen.remittance.empty')}</p>}
        {remittances.map((remittance) => (
          <RemittanceEntry key={remittance.id} remittance={remittance} />
        ))}
        {pages.hasNextPage && (
          <div className="form-actions">
            <button type="button" className="button" aria-busy={pages.isFetchingNextPage || undefined} onClick={() => void pages.fetchNextPage()}>
              {pages.isFetchingNextPage ? t('common.loading') : t('claimsScreen.loadMore')}
            </button>
          </div>
        )}
      </section>
    </>
  )
}

/** One remittance entered: its summary, and its lines on request. */
function RemittanceEntry({ remittance }: { remittance: RemittanceDto }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const title = t('claimsScreen.remittance.entryTitle', { manufacturer: remittance.manufacturer.name, reference: remittance.reference, date: format.date(remittance.paidDate), total: format.money(remittance.totalMinor) })
  return (
    <details className="work-panel remittance-entry">
      <summary>
        {title}
        {remittance.differenceMinor < 0 && <span className="tag tag-warning">{t('claimsScreen.remittance.short', { amount: format.money(-remittance.differenceMinor) })}</span>}
      </summary>
      <p className="meta">
        {t('claimsScreen.remittance.enteredBy', { staff: remittance.enteredBy, time: format.instant(remittance.atMs) })}
        {remittance.note && <span> · {remittance.note}</span>}
      </p>
      <RemittanceLines remittance={remittance} caption={title} />
    </details>
  )
}
