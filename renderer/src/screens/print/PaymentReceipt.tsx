import { useTranslation } from 'react-i18next'
import type { InvoiceDto, PaymentDto } from '../../../../shared/dto/payments'
import type { ShopSettingsDto } from '../../../../shared/dto/settings'
import type { TicketDetailDto } from '../../../../shared/dto/tickets'
import { useShopFormat } from '../../shop-format'
import { deviceText } from '../../ticket-text'
import { Barcode } from './Barcode'
import { PrintFacts } from './PrintFacts'
import { PrintTerms, SignatureLines } from './PrintFooter'
import { ShopHeader } from './ShopHeader'
import { useReceiptLength } from './useReceiptLength'

interface PaymentReceiptProps {
  ticket: TicketDetailDto
  invoice: InvoiceDto
  payment: PaymentDto
  shop: ShopSettingsDto
  size: '80' | 'a4'
}

/**
 * The slip for one deposit, payment or refund: what changed hands, how, and — for a priced ticket
 * — what was paid up to and including it against the invoice total as it stands when printed.
 * A refund carries the owner's approval and a line for the customer to sign.
 */
export function PaymentReceipt({ ticket, invoice, payment, shop, size }: PaymentReceiptProps) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const receipt = useReceiptLength<HTMLElement>('receipt-80', 80, 3, size === '80')
  const refund = payment.kind === 'refund'
  const original = refund ? invoice.payments.find((p) => p.id === payment.refundOfPaymentId) : undefined
  // Rows are append-only with rising ids: everything up to this one is what had been paid then.
  const paidThen = invoice.payments.filter((p) => p.id <= payment.id).reduce((sum, p) => sum + p.amountMinor, 0)
  const rows: [string, string][] = [
    [t('paymentPrint.when'), format.instant(payment.atMs)],
    [t('print.customer'), `${ticket.customer.name} · ${ticket.customer.phone}`],
    [t('print.device'), deviceText(ticket)],
    [t('paymentPrint.kind'), t(`payments.kind.${payment.kind}`)],
    [t('payments.form.method'), t(`payments.method.${payment.method}`)],
    [refund ? t('paymentPrint.refunded') : t('paymentPrint.received'), format.money(Math.abs(payment.amountMinor))],
    ...(payment.tenderedMinor !== null && payment.changeMinor !== null && payment.changeMinor > 0
      ? ([
          [t('payments.table.tendered'), format.money(payment.tenderedMinor)],
          [t('payments.table.change'), format.money(payment.changeMinor)],
        ] as [string, string][])
      : []),
    ...(payment.reference ? ([[t('payments.form.reference'), payment.reference]] as [string, string][]) : []),
    ...(refund
      ? ([
          [t('payments.refund.reason'), payment.reason],
          [t('payments.table.approvedBy'), payment.approvedByName ?? ''],
          ...(original ? [[t('paymentPrint.refundOf'), `${format.instant(original.atMs)} · ${format.money(original.amountMinor)}`]] : []),
        ] as [string, string][])
      : []),
    [t('paymentPrint.staff'), payment.staffName],
  ]
  const balanceRows: [string, string][] = invoice.kind === 'paid' && invoice.priced
    ? [
        [t('payments.invoice.total'), format.money(invoice.totalMinor)],
        [t('paymentPrint.paidThen'), format.money(paidThen)],
        [t('paymentPrint.balanceThen'), format.money(invoice.totalMinor - paidThen)],
      ]
    : []
  return (
    <article ref={receipt} className={`print-doc print-receipt print-receipt-${size}`}>
      <ShopHeader shop={shop} />
      <h2 className="print-title">{t(`paymentPrint.title.${payment.kind}`)}</h2>
      <div className="print-number-block">
        <p className="print-number">
          <span className="print-number-label">{t('print.ticketNumber')}</span> {ticket.number}
        </p>
        <Barcode value={ticket.number} label={t('print.barcode', { number: ticket.number })} />
      </div>
      <PrintFacts rows={rows} />
      {balanceRows.length > 0 && (
        <section className="print-section" aria-labelledby="receipt-balance-title">
          <h3 id="receipt-balance-title">{t('paymentPrint.balanceTitle')}</h3>
          <PrintFacts rows={balanceRows} />
        </section>
      )}
      {payment.kind === 'deposit' && !invoice.priced && <p>{t('paymentPrint.depositNote')}</p>}
      <PrintTerms text={shop.receiptFooter} />
      {refund && <SignatureLines label={t('paymentPrint.refundSignature')} />}
    </article>
  )
}
