import { useTranslation } from 'react-i18next'
import type { PaymentDto } from '../../../../shared/dto/payments'
import { paymentReceiptHref } from '../../routes'
import { useShopFormat } from '../../shop-format'
import { usePaymentDetails } from '../payments/payment-details'

/** Each payment followed by its refunds, so a refund reads under what it gave back. */
function inRefundOrder(payments: readonly PaymentDto[]): PaymentDto[] {
  const refundsOf = (id: number) => payments.filter((p) => p.refundOfPaymentId === id)
  return payments.filter((p) => p.refundOfPaymentId === null).flatMap((p) => [p, ...refundsOf(p.id)])
}

interface TicketPaymentsProps {
  payments: readonly PaymentDto[]
  /** The payment whose refund form is open, if any. */
  refunding: number | null
  onRefund: (paymentId: number) => void
}

/** A ticket's deposits, payments and refunds, with a receipt for each and Refund where money is left. */
export function TicketPayments({ payments, refunding, onRefund }: TicketPaymentsProps) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const details = usePaymentDetails()
  return (
    <div className="table-scroll">
      <table className="table table-compact payments-table">
        <caption className="visually-hidden">{t('payments.ticket.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('payments.table.time')}</th>
            <th scope="col">{t('payments.table.what')}</th>
            <th scope="col" className="num">
              {t('payments.table.amount')}
            </th>
            <th scope="col">{t('payments.table.details')}</th>
            <th scope="col">{t('payments.table.staff')}</th>
            <th scope="col">{t('payments.table.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {inRefundOrder(payments).map((payment) => {
            const label = t('payments.ticket.rowName', { kind: t(`payments.kind.${payment.kind}`), amount: format.money(payment.amountMinor), when: format.instant(payment.atMs) })
            return (
              <tr key={payment.id} className={payment.kind === 'refund' ? 'row-refund' : undefined}>
                <td className="nowrap">{format.instant(payment.atMs)}</td>
                <td>{t('payments.kindMethod', { kind: t(`payments.kind.${payment.kind}`), method: t(`payments.method.${payment.method}`) })}</td>
                <td className="num">{format.money(payment.amountMinor)}</td>
                <td className="pre-wrap">{details(payment)}</td>
                <td>{payment.staffName}</td>
                <td>
                  <div className="row-actions">
                    {payment.refundableMinor > 0 && (
                      <button
                        type="button"
                        id={`refund-button-${payment.id}`}
                        className="button button-small"
                        aria-label={t('payments.ticket.refundLabel', { payment: label })}
                        aria-expanded={refunding === payment.id}
                        aria-controls={refunding === payment.id ? `refund-${payment.id}` : undefined}
                        onClick={() => onRefund(payment.id)}
                      >
                        {t('payments.ticket.refund')}
                      </button>
                    )}
                    <a className="button button-small" href={paymentReceiptHref(payment.ticket.id, payment.id, 'payment-80')} aria-label={t('payments.ticket.receipt80Label', { payment: label })}>
                      {t('payments.ticket.receipt80')}
                    </a>
                    <a className="button button-small" href={paymentReceiptHref(payment.ticket.id, payment.id, 'payment-a4')} aria-label={t('payments.ticket.receiptA4Label', { payment: label })}>
                      {t('payments.ticket.receiptA4')}
                    </a>
                  </div>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
