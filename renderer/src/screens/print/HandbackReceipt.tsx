import { useTranslation } from 'react-i18next'
import type { ShopSettingsDto } from '../../../../shared/dto/settings'
import type { TicketDetailDto } from '../../../../shared/dto/tickets'
import type { TicketWorkDto } from '../../../../shared/dto/workflow'
import { EstimateTable } from '../../components/EstimateTable'
import { useShopFormat } from '../../shop-format'
import { deviceText, identifierText } from '../../ticket-text'
import { Barcode } from './Barcode'
import { PrintFacts } from './PrintFacts'
import { ShopHeader } from './ShopHeader'
import { useReceiptLength } from './useReceiptLength'
import { PrintTerms, SignatureLines } from './PrintFooter'

/** What the customer signs when the device goes back: the work, its test, what it cost, who took it. */
export function HandbackReceipt({ ticket, work, shop, size }: { ticket: TicketDetailDto; work: TicketWorkDto; shop: ShopSettingsDto; size: '80' | 'a4' }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const receipt = useReceiptLength<HTMLElement>('receipt-80', 80, 3, size === '80')
  const notRecorded = t('workPrint.notRecorded')
  const rows: [string, string][] = [
    [t('print.customer'), `${ticket.customer.name} · ${ticket.customer.phone}`],
    [t('print.device'), [deviceText(ticket), identifierText(ticket)].filter(Boolean).join(' · ')],
    [t('print.received'), format.instant(ticket.receivedAtMs)],
    [t('print.fault'), ticket.reportedFault],
    [t('workPrint.workDone'), work.completion?.workDone ?? notRecorded],
    [t('workPrint.outcome'), work.outcome ? t(`repair.outcome.${work.outcome}`) : notRecorded],
    [t('workPrint.testResult'), work.completion ? t(`repair.testResult.${work.completion.testResult}`) : notRecorded],
    [t('workPrint.collectedBy'), work.collectedBy ?? ''],
    [t('workPrint.collectedAt'), work.collectedAtMs !== null ? format.instant(work.collectedAtMs) : ''],
  ]
  return (
    <article ref={receipt} className={`print-doc print-receipt print-receipt-${size}`}>
      <ShopHeader shop={shop} />
      <h2 className="print-title">{t('workPrint.handbackTitle')}</h2>
      <div className="print-number-block">
        <p className="print-number">
          <span className="print-number-label">{t('print.ticketNumber')}</span> {ticket.number}
        </p>
        <Barcode value={ticket.number} label={t('print.barcode', { number: ticket.number })} />
      </div>
      <PrintFacts rows={rows} />
      <section className="print-section" aria-labelledby="handback-amounts-title">
        <h3 id="handback-amounts-title">{t('workPrint.amounts')}</h3>
        <Amounts work={work} narrow={size === '80'} />
      </section>
      <PrintTerms text={shop.receiptFooter} />
      <SignatureLines label={t('workPrint.handbackSignature')} />
    </article>
  )
}

/** Warranty work costs the customer nothing; approved paid work costs the estimate; declined work at most the diagnosis fee. */
function Amounts({ work, narrow }: { work: TicketWorkDto; narrow: boolean }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  if (!work.paid) return <p>{t('workPrint.warrantyNoCharge')}</p>
  if (work.decision?.decision === 'approved' && work.estimate) return <EstimateTable estimate={work.estimate} caption={t('work.estimateCaption')} className="print-table" withKind={!narrow} />
  if (work.decision?.decision === 'declined') return <PrintFacts rows={[[t('workPrint.diagnosisFee'), format.money(work.diagnosisFeeMinor ?? 0)]]} />
  return <p>{t('workPrint.notRecorded')}</p>
}
