import { useTranslation } from 'react-i18next'
import type { ShopSettingsDto } from '../../../../shared/dto/settings'
import type { TicketDetailDto } from '../../../../shared/dto/tickets'
import type { DiagnosisDto, TicketWorkDto } from '../../../../shared/dto/workflow'
import { faultCodeKinds } from '../../../../shared/repair'
import { EstimateTable } from '../../components/EstimateTable'
import { Loading } from '../../components/Feedback'
import { useFaultCodeText } from '../../fault-code-text'
import { useShopFormat } from '../../shop-format'
import { accessoryList, conditionList, deviceText, identifierText } from '../../ticket-text'
import { Barcode } from './Barcode'
import { PrintFacts } from './PrintFacts'
import { QrCode } from './QrCode'
import { ShopHeader } from './ShopHeader'
import { SignatureLines } from './PrintFooter'

const noteLines = 8

/** The A4 sheet that travels with the device on the bench: what came in, what was found, what was quoted, room to write. */
export function JobSheet({ ticket, work, shop }: { ticket: TicketDetailDto; work: TicketWorkDto; shop: ShopSettingsDto }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const list = (items: string[]) => items.join(t('common.listSeparator')) || t('common.none')
  const rows: [string, string][] = [
    [t('print.received'), format.instant(ticket.receivedAtMs)],
    [t('workPrint.promised'), format.date(ticket.promisedDate) || t('common.notSet')],
    [t('workPrint.technician'), ticket.assignedStaffName ?? t('workPrint.unassigned')],
    [t('print.customer'), `${ticket.customer.name} · ${ticket.customer.phone}`],
    [t('print.device'), [deviceText(ticket), identifierText(ticket)].filter(Boolean).join(' · ')],
    [t('print.warranty'), t(`warranty.status.${ticket.warranty.status}`)],
    [t('print.fault'), ticket.reportedFault],
    [t('print.condition'), [list(conditionList(t, ticket.condition)), ticket.conditionNotes].filter(Boolean).join('\n')],
    [t('print.accessories'), list(accessoryList(t, ticket.accessories))],
    [t('print.passcode'), ticket.passcodeProvided ? t('common.yes') : t('common.no')],
    ...(ticket.notes ? [[t('workPrint.intakeNotes'), ticket.notes] as [string, string]] : []),
  ]
  return (
    <article className="print-doc print-sheet">
      <ShopHeader shop={shop} />
      <h2 className="print-title">{t('workPrint.jobSheetTitle')}</h2>
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
      <section className="print-section" aria-labelledby="sheet-diagnosis-title">
        <h3 id="sheet-diagnosis-title">{t('workPrint.diagnosis')}</h3>
        {work.diagnosis ? <DiagnosisBlock diagnosis={work.diagnosis} manufacturerId={ticket.device.model.manufacturer.id} /> : <p>{t('workPrint.notDiagnosed')}</p>}
      </section>
      {work.estimate && (
        <section className="print-section" aria-labelledby="sheet-estimate-title">
          <h3 id="sheet-estimate-title">{t('workPrint.estimate')}</h3>
          <EstimateTable estimate={work.estimate} caption={t('work.estimateCaption')} className="print-table" />
        </section>
      )}
      <section className="print-section" aria-labelledby="sheet-notes-title">
        <h3 id="sheet-notes-title">{t('workPrint.benchNotes')}</h3>
        <div className="print-ruled" aria-hidden="true">
          {Array.from({ length: noteLines }, (_, index) => (
            <span key={index} className="print-ruled-line" />
          ))}
        </div>
      </section>
      <SignatureLines label={t('workPrint.checkedBy')} />
    </article>
  )
}

function DiagnosisBlock({ diagnosis, manufacturerId }: { diagnosis: DiagnosisDto; manufacturerId: number }) {
  const { t } = useTranslation()
  const codes = useFaultCodeText(manufacturerId)
  // The meanings belong on the bench copy: wait for them rather than print bare codes.
  if (!codes.settled) return <Loading />
  const warranty = [t(`repair.warrantyDecision.${diagnosis.warrantyDecision}`), diagnosis.voidReason ? t(`repair.voidReason.${diagnosis.voidReason}`) : ''].filter(Boolean).join(' — ')
  return (
    <>
      <PrintFacts
        rows={[
          [t('work.findings'), diagnosis.findings],
          [t('workPrint.tier'), t(`repair.tier.${diagnosis.repairTier}`)],
          [t('workPrint.warrantyDecision'), warranty],
        ]}
      />
      <table className="print-table">
        <caption>{t('workPrint.faultCodesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('workPrint.kind')}</th>
            <th scope="col">{t('workPrint.code')}</th>
            <th scope="col">{t('workPrint.description')}</th>
          </tr>
        </thead>
        <tbody>
          {faultCodeKinds.map((kind) => (
            <tr key={kind}>
              <th scope="row">{t(`repair.faultCodeKind.${kind}`)}</th>
              <td className="mono">{diagnosis.faultCodes[kind]}</td>
              <td>{codes.description(kind, diagnosis.faultCodes[kind]) ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
