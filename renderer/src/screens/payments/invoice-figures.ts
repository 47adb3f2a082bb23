import { useTranslation } from 'react-i18next'
import type { InvoiceDto } from '../../../../shared/dto/payments'
import { useShopFormat } from '../../shop-format'

/**
 * What an invoice comes to, as label/value rows for the screen and for paper: the total (once
 * priced), what was paid, and the balance — owed, or a credit the customer is due back.
 */
export function useInvoiceFigures() {
  const { t } = useTranslation()
  const format = useShopFormat()
  return (invoice: InvoiceDto): [string, string][] => {
    const rows: [string, string][] = []
    if (invoice.priced) rows.push([t('payments.invoice.total'), format.money(invoice.totalMinor)])
    rows.push([t('payments.invoice.paid'), format.money(invoice.paidMinor)])
    if (invoice.balanceMinor < 0) rows.push([t('payments.invoice.credit'), format.money(-invoice.balanceMinor)])
    else if (invoice.priced) rows.push([t('payments.invoice.balance'), invoice.balanceMinor === 0 ? t('payments.invoice.paidInFull') : format.money(invoice.balanceMinor)])
    return rows
  }
}
