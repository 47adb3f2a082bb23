import { useTranslation } from 'react-i18next'
import type { PaymentDto } from '../../../../shared/dto/payments'
import { useShopFormat } from '../../shop-format'

/**
 * The small print of one payment as a line of text: cash handed over and change, the reference,
 * and for a refund its reason and the owner who approved it.
 */
export function usePaymentDetails() {
  const { t } = useTranslation()
  const format = useShopFormat()
  return (payment: PaymentDto): string => {
    const parts: string[] = []
    if (payment.tenderedMinor !== null && payment.changeMinor !== null && payment.changeMinor > 0) {
      parts.push(t('payments.table.tenderedChange', { tendered: format.money(payment.tenderedMinor), change: format.money(payment.changeMinor) }))
    }
    if (payment.reference) parts.push(t('payments.table.referenceText', { reference: payment.reference }))
    if (payment.kind === 'refund') {
      parts.push(payment.reason)
      if (payment.approvedByName) parts.push(t('payments.table.approvedByText', { name: payment.approvedByName }))
    }
    if (payment.refundedMinor > 0) parts.push(t('payments.table.refundedText', { refunded: format.money(payment.refundedMinor) }))
    return parts.join('\n')
  }
}
