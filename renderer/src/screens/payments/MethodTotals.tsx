import { useTranslation } from 'react-i18next'
import type { PaymentListDto } from '../../../../shared/dto/payments'
import { useShopFormat } from '../../shop-format'

/** The day's takings per method — payments, refunds and net — and the net over all methods. */
export function MethodTotals({ list }: { list: PaymentListDto }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  return (
    <div className="table-scroll">
      <table className="table table-compact method-totals">
        <caption>{t('payments.totals.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('payments.form.method')}</th>
            <th scope="col" className="num">
              {t('payments.totals.payments')}
            </th>
            <th scope="col" className="num">
              {t('payments.totals.refunds')}
            </th>
            <th scope="col" className="num">
              {t('payments.totals.net')}
            </th>
            <th scope="col" className="num">
              {t('payments.totals.count')}
            </th>
          </tr>
        </thead>
        <tbody>
          {list.totals.map((total) => (
            <tr key={total.method}>
              <th scope="row">{t(`payments.method.${total.method}`)}</th>
              <td className="num">{format.money(total.paymentsMinor)}</td>
              <td className="num">{format.money(total.refundsMinor)}</td>
              <td className="num">{format.money(total.netMinor)}</td>
              <td className="num">{total.count}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="total-row">
            <th scope="row" colSpan={3} className="num">
              {t('payments.totals.netAll')}
            </th>
            <td className="num">{format.money(list.netMinor)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  )
}
