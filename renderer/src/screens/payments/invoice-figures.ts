import { useTranslation } from 'react-i18next'
import type { InvoiceDto } from '../../../../shared/dto/payments'
import { useShopFormat } from '../../shop-format'

/**
 * What an invoice comes to, as label/value rows for the screen and for paper: the total, what was
 * paid, and the balance — owed, or a credit the customer is due back; before it is priced, only
 * the deposits held.
 */
export function useInvoiceFigures() {
  const { t } = useTranslation()
  const format = useShopFormat()
  return (invoice: InvoiceDto): [string, string][] => {
    // Before anything is billed, money taken is a deposit held on account, not yet a credit.
    if (!invoice.priced) return [[t('payments.invoice.onAccount'), format.money(invoice.paidMinor)]]
    const rows: [string, string][] = [
      [t('payments.invoice.total'), format.money(invoice.totalMinor)],
      [t('payments.invoice.paid'), format.money(invoice.paidMinor)],
    ]
    if (invoice.balanceMinor < 0) rows.push([t('payments.invoice.credit'), format.money(-invoice.balanceMinor)])
    else rows.push([t('payments.invoice.balance'), invoice.balanceMinor === 0 ? t('payments.invoice.paidInFull') : format.money(invoice.balanceMinor)])
    return rows
  }
}
