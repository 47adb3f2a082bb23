import { useTranslation } from 'react-i18next'
import type { BatchSummaryDto } from '../../../../shared/dto/claim-batches'
import { useShopFormat } from '../../shop-format'

/** Batches as rows: number, manufacturer, status, claims and totals, who made it and when. */
export function BatchTable({ batches, selectedId, onOpen }: { batches: BatchSummaryDto[]; selectedId: number | null; onOpen: (id: number) => void }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  return (
    <div className="table-scroll">
      <table className="table table-compact">
        <caption className="visually-hidden">{t('claimsScreen.batches.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('claimsScreen.batches.number')}</th>
            <th scope="col">{t('claimsScreen.manufacturer')}</th>
            <th scope="col">{t('claimsScreen.status')}</th>
            <th scope="col" className="num">
              {t('claimsScreen.batches.claims')}
            </th>
            <th scope="col" className="num">
              {t('claimsScreen.amount')}
            </th>
            <th scope="col">{t('claimsScreen.batches.createdBy')}</th>
            <th scope="col">{t('claimsScreen.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {batches.map((batch) => (
            <tr key={batch.id} className={batch.id === selectedId ? 'row-selected' : undefined}>
              <th scope="row" className="mono nowrap">
                {batch.number}
              </th>
              <td>{batch.manufacturer.name}</td>
              <td>{t(`claimsScreen.batchStatus.${batch.status}`)}</td>
              <td className="num">{batch.claimCount}</td>
              <td className="num">{format.money(batch.totalMinor)}</td>
              <td>
                {batch.createdBy}
                <div className="muted nowrap">{format.instant(batch.createdAtMs)}</div>
              </td>
              <td>
                <button
                  type="button"
                  id={`batch-open-${batch.id}`}
                  className="button button-small"
                  aria-label={t('claimsScreen.batches.openLabel', { batch: batch.number })}
                  aria-expanded={batch.id === selectedId}
                  aria-controls={batch.id === selectedId ? 'batch-detail' : undefined}
                  onClick={() => onOpen(batch.id)}
                >
                  {t('claimsScreen.open')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
