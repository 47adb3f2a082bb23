import { useTranslation } from 'react-i18next'
import type { PartDto } from '../../../../shared/dto/stock'
import type { PoolKey } from '../../../../shared/stock'
import { comparePools, usePoolNames } from '../../pool-names'
import { useShopFormat } from '../../shop-format'
import { onHandIn } from './on-hand'

/**
 * Parts as rows with a column per pool: shop, each consigned pool any listed part sits in (named
 * by its manufacturer), defective. A low row says so in words as well as colour.
 */
export function PartTable({ parts, selectedId, onSelect }: { parts: PartDto[]; selectedId: number | null; onSelect: (id: number) => void }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const pools = usePoolNames()
  const consigned = [...new Set(parts.flatMap((part) => part.levels.map((level) => level.pool)).filter((pool) => pool.startsWith('consigned:')))].sort(comparePools(pools.label))
  const columns: PoolKey[] = ['shop', ...consigned, 'defective']
  return (
    <div className="table-scroll">
      <table className="table parts-table">
        <caption className="visually-hidden">{t('parts.listTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('parts.sku')}</th>
            <th scope="col">{t('parts.name')}</th>
            <th scope="col">{t('parts.bin')}</th>
            {columns.map((pool) => (
              <th key={pool} scope="col" className="num">
                {pools.label(pool)}
              </th>
            ))}
            <th scope="col" className="num">
              {t('parts.reorderPoint')}
            </th>
            <th scope="col" className="num">
              {t('parts.sellPrice')}
            </th>
            <th scope="col">{t('parts.state')}</th>
            <th scope="col">{t('parts.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {parts.map((part) => (
            <tr key={part.id} className={[part.low ? 'row-low' : '', part.id === selectedId ? 'row-selected' : '', part.active ? '' : 'row-inactive'].filter(Boolean).join(' ') || undefined}>
              <th scope="row" className="mono nowrap">
                {part.sku}
              </th>
              <td>{part.name}</td>
              <td className="mono">{part.binLocation}</td>
              {columns.map((pool) => (
                <td key={pool} className="num">
                  {onHandIn(part, pool)}
                </td>
              ))}
              <td className="num">{part.reorderPoint}</td>
              <td className="num">{format.money(part.sellPriceMinor)}</td>
              <td>
                {part.low && <span className="tag tag-warning tag-first">{t('parts.low')}</span>}
                {!part.active && <span className="tag tag-first">{t('parts.inactive')}</span>}
              </td>
              <td>
                <button
                  type="button"
                  id={`part-open-${part.id}`}
                  className="button button-small"
                  aria-label={t('parts.openLabel', { sku: part.sku })}
                  aria-expanded={part.id === selectedId}
                  aria-controls={part.id === selectedId ? 'part-detail' : undefined}
                  onClick={() => onSelect(part.id)}
                >
                  {t('parts.open')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
