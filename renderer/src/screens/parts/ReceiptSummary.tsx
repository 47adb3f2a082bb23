import { useTranslation } from 'react-i18next'
import type { ReceiptDto } from '../../../../shared/dto/stock'
import type { PoolKey } from '../../../../shared/stock'
import { useFocusOnMount } from '../../components/useFocusOnMount'
import { usePoolNames } from '../../pool-names'
import { useShopFormat } from '../../shop-format'

/** What a delivery put on the shelf: each line with the pool's new quantity on hand. */
export function ReceiptSummary({ receipt, pool }: { receipt: ReceiptDto; pool: PoolKey }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const pools = usePoolNames()
  const heading = useFocusOnMount<HTMLHeadingElement>()
  const partOf = (id: number) => receipt.parts.find((part) => part.id === id)
  const units = receipt.movements.reduce((sum, m) => sum + m.quantity, 0)
  return (
    <section aria-labelledby="receipt-title" className="subform">
      <h3 id="receipt-title" ref={heading} tabIndex={-1}>
        {t('receive.doneTitle', { pool: pools.label(pool) })}
      </h3>
      <p role="status" className="status-message">
        {t('receive.done', { lines: receipt.movements.length, units })}
      </p>
      <div className="table-scroll">
        <table className="table table-compact">
          <caption className="visually-hidden">{t('receive.doneTitle', { pool: pools.label(pool) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('parts.sku')}</th>
              <th scope="col">{t('parts.name')}</th>
              <th scope="col" className="num">
                {t('parts.quantity')}
              </th>
              <th scope="col" className="num">
                {t('receive.unitCost')}
              </th>
              <th scope="col" className="num">
                {t('parts.balanceAfter')}
              </th>
            </tr>
          </thead>
          <tbody>
            {receipt.movements.map((m) => (
              <tr key={m.id}>
                <th scope="row" className="mono">
                  {partOf(m.partId)?.sku}
                </th>
                <td>{partOf(m.partId)?.name}</td>
                <td className="num">{m.quantity}</td>
                <td className="num">{m.unitCostMinor !== null ? format.money(m.unitCostMinor) : t('receive.noCost')}</td>
                <td className="num">{m.balanceAfter}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
