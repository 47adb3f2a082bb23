import { useTranslation } from 'react-i18next'
import { paymentReceiptHref } from '../../routes'
import { useShopFormat } from '../../shop-format'
import { useInvoice } from '../payments/payment-hooks'

/** After intake: the deposit taken with the device, if any, and its receipt. Renders nothing otherwise. */
export function DepositTaken({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const deposit = useInvoice(ticketId).data?.payments.find((p) => p.kind === 'deposit')
  if (!deposit) return null
  const method = t(`payments.method.${deposit.method}`)
  return (
    <div className="deposit-taken">
      <p>
        {deposit.changeMinor
          ? t('payments.deposit.takenWithChange', { amount: format.money(deposit.amountMinor), method, change: format.money(deposit.changeMinor) })
          : t('payments.deposit.taken', { amount: format.money(deposit.amountMinor), method })}
      </p>
      <div className="form-actions">
        <a className="button" href={paymentReceiptHref(ticketId, deposit.id, 'payment-80')}>
          {t('payments.deposit.receipt80')}
        </a>
        <a className="button" href={paymentReceiptHref(ticketId, deposit.id, 'payment-a4')}>
          {t('payments.deposit.receiptA4')}
        </a>
      </div>
    </div>
  )
}
