import { useTranslation } from 'react-i18next'
import type { ShopSettingsDto } from '../../../../shared/dto/settings'
import type { TicketDetailDto } from '../../../../shared/dto/tickets'
import { useShopFormat } from '../../shop-format'
import { accessoryList, conditionList, deviceText, identifierText } from '../../ticket-text'
import { Barcode } from './Barcode'
import { PrintFacts } from './PrintFacts'
import { QrCode } from './QrCode'
import { ShopHeader } from './ShopHeader'
import { useReceiptLength } from './useReceiptLength'
import { PrintTerms, SignatureLines } from './PrintFooter'

/** The intake receipt the customer takes home; the same content on 80 mm thermal paper and on A4. */
export function IntakeReceipt({ ticket, shop, size }: { ticket: TicketDetailDto; shop: ShopSettingsDto; size: '80' | 'a4' }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const list = (items: string[]) => items.join(t('common.listSeparator')) || t('common.none')
  const warranty = ticket.warranty
  const receipt = useReceiptLength<HTMLElement>('receipt-80', 80, 3, size === '80')
  const rows: [string, string][] = [
    [t('print.received'), format.instant(ticket.receivedAtMs)],
    [t('print.customer'), `${ticket.customer.name} · ${ticket.customer.phone}`],
    [t('print.device'), [deviceText(ticket), identifierText(ticket)].filter(Boolean).join(' · ')],
    [t('print.fault'), ticket.reportedFault],
    [t('print.condition'), [list(conditionList(t, ticket.condition)), ticket.conditionNotes].filter(Boolean).join('\n')],
    [t('print.accessories'), list(accessoryList(t, ticket.accessories))],
    [t('print.passcode'), ticket.passcodeProvided ? t('common.yes') : t('common.no')],
    [
      t('print.warranty'),
      [t(`warranty.status.${warranty.status}`), t(`warranty.reasons.${warranty.reason}`), warranty.endsOn ? t('intake.coveredUntil', { date: format.date(warranty.endsOn) }) : '']
        .filter(Boolean)
        .join(' · '),
    ],
    [t('print.promised'), format.date(ticket.promisedDate) || t('common.notSet')],
  ]
  return (
    <article ref={receipt} className={`print-doc print-receipt print-receipt-${size}`}>
      <ShopHeader shop={shop} />
      <h2 className="print-title">{t('print.receiptTitle')}</h2>
      <div className="print-codes">
        <div className="print-number-block">
          <p className="print-number">
            <span className="print-number-label">{t('print.ticketNumber')}</span> {ticket.number}
          </p>
          <Barcode value={ticket.number} label={t('print.barcode', { number: ticket.number })} />
        </div>
        <QrCode value={ticket.number} label={t('print.qr', { number: ticket.number })} />
      </div>
      <PrintFacts rows={rows} />
      <PrintTerms text={shop.receiptFooter} />
      <SignatureLines label={t('print.signature')} />
    </article>
  )
}
