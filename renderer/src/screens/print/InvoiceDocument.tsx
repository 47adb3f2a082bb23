import { useTranslation } from 'react-i18next'
import type { InvoiceDto } from '../../../../shared/dto/payments'
import type { ShopSettingsDto } from '../../../../shared/dto/settings'
import type { TicketDetailDto } from '../../../../shared/dto/tickets'
import { useShopFormat } from '../../shop-format'
import { deviceText, identifierText } from '../../ticket-text'
import { InvoiceTable } from '../payments/InvoiceTable'
import { useInvoiceFigures } from '../payments/invoice-figures'
import { Barcode } from './Barcode'
import { PrintFacts } from './PrintFacts'
import { PrintTerms } from './PrintFooter'
import { ShopHeader } from './ShopHeader'
import { useReceiptLength } from './useReceiptLength'

/**
 * A ticket's invoice on 80 mm or A4 paper: the lines and tax as the ledger computed them, every
 * payment and refund, and what is still owed. Until the repair is done it says it is provisional.
 */
export function InvoiceDocument({ ticket, invoice, shop, size }: { ticket: TicketDetailDto; invoice: InvoiceDto; shop: ShopSettingsDto; size: '80' | 'a4' }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const figures = useInvoiceFigures()
  const receipt = useReceiptLength<HTMLElement>('receipt-80', 80, 3, size === '80')
  const warranty = invoice.kind === 'warranty'
  const title = warranty || invoice.final ? t('paymentPrint.invoiceTitle') : t('paymentPrint.provisionalTitle')
  const rows: [string, string][] = [
    [t('print.customer'), `${ticket.customer.name} · ${ticket.customer.phone}`],
    [t('print.device'), [deviceText(ticket), identifierText(ticket)].filter(Boolean).join(' · ')],
    [t('print.received'), format.instant(ticket.receivedAtMs)],
    [t('paymentPrint.printedAt'), format.instant(Date.now())],
  ]
  return (
    <article ref={receipt} className={`print-doc print-receipt print-receipt-${size}`}>
      <ShopHeader shop={shop} />
      {shop.taxId && <p className="print-tax-id">{t('paymentPrint.taxId', { taxId: shop.taxId })}</p>}
      <h2 className="print-title">{title}</h2>
      <div className="print-number-block">
        <p className="print-number">
          <span className="print-number-label">{t('print.ticketNumber')}</span> {ticket.number}
        </p>
        <Barcode value={ticket.number} label={t('print.barcode', { number: ticket.number })} />
      </div>
      <PrintFacts rows={rows} />
      <section className="print-section" aria-labelledby="invoice-lines-title">
        <h3 id="invoice-lines-title">{t('paymentPrint.lines')}</h3>
        {warranty ? (
          <p>{t('payments.invoice.warranty')}</p>
        ) : invoice.priced ? (
          <InvoiceTable invoice={invoice} caption={t('paymentPrint.lines')} className="print-table" withKind={size === 'a4'} />
        ) : (
          <p>{t('payments.invoice.notPriced')}</p>
        )}
        {!warranty && !invoice.final && invoice.priced && <p>{t('paymentPrint.provisionalNote')}</p>}
      </section>
      <section className="print-section" aria-labelledby="invoice-payments-title">
        <h3 id="invoice-payments-title">{t('paymentPrint.payments')}</h3>
        {invoice.payments.length === 0 ? <p>{t('payments.ticket.none')}</p> : <PaymentLines invoice={invoice} />}
        <PrintFacts rows={figures(invoice)} />
        {invoice.collectOverrideNote !== null && <p>{t('payments.invoice.overrideNote', { note: invoice.collectOverrideNote })}</p>}
      </section>
      <PrintTerms text={shop.receiptFooter} />
    </article>
  )
}

function PaymentLines({ invoice }: { invoice: InvoiceDto }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  return (
    <table className="print-table">
      <caption className="visually-hidden">{t('paymentPrint.payments')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('payments.table.time')}</th>
          <th scope="col">{t('payments.table.what')}</th>
          <th scope="col" className="num">
            {t('payments.table.amount')}
          </th>
        </tr>
      </thead>
      <tbody>
        {invoice.payments.map((payment) => (
          <tr key={payment.id}>
            <td>{format.instant(payment.atMs)}</td>
            <td>{t('payments.kindMethod', { kind: t(`payments.kind.${payment.kind}`), method: t(`payments.method.${payment.method}`) })}</td>
            <td className="num">{format.money(payment.amountMinor)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
