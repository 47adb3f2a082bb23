import { useTranslation } from 'react-i18next'
import type { PaymentDto } from '../../../../shared/dto/payments'
import { paymentReceiptHref } from '../../routes'
import { useShopFormat } from '../../shop-format'

/**
 * The money just taken or given back, announced, with the change to hand over and its receipt
 * one Enter away (focus lands on the receipt link). The live region is always there, so screen
 * readers announce the message when it appears.
 */
export function PaymentDone({ payment }: { payment: PaymentDto | null }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const method = payment ? t(`payments.method.${payment.method}`) : ''
  const message = !payment
    ? ''
    : payment.kind === 'refund'
      ? t('payments.done.refund', { amount: format.money(-payment.amountMinor), method })
      : payment.changeMinor
        ? t('payments.done.withChange', { kind: t(`payments.kind.${payment.kind}`), amount: format.money(payment.amountMinor), method, change: format.money(payment.changeMinor) })
        : t('payments.done.taken', { kind: t(`payments.kind.${payment.kind}`), amount: format.money(payment.amountMinor), method })
  return (
    <div className="payment-done">
      <p role="status" className="status-message">
        {message}
      </p>
      {payment && (
        <div className="form-actions">
          <a id="payment-done-receipt" className="button button-primary" href={paymentReceiptHref(payment.ticket.id, payment.id, 'payment-80')}>
            {t('payments.done.receipt80')}
          </a>
          <a className="button" href={paymentReceiptHref(payment.ticket.id, payment.id, 'payment-a4')}>
            {t('payments.done.receiptA4')}
          </a>
        </div>
      )}
    </div>
  )
}
