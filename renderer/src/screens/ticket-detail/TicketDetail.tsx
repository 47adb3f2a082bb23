import { useTranslation } from 'react-i18next'
import type { TicketDetailDto } from '../../../../shared/dto/tickets'
import { PrintLinks } from '../../components/PrintLinks'
import { printLayouts, ticketHref } from '../../routes'
import { useShopFormat } from '../../shop-format'
import { accessoryList, conditionList } from '../../ticket-text'
import { CustomerPanel } from './CustomerPanel'
import { Facts } from './Facts'
import { PartsPanel } from './PartsPanel'
import { PaymentPanel } from './PaymentPanel'
import { TicketTimeline } from './TicketTimeline'
import { WorkPanel } from './WorkPanel'

export function TicketDetail({ ticket }: { ticket: TicketDetailDto }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const { device, warranty, repeatOf } = ticket
  const condition = conditionList(t, ticket.condition)
  const accessories = accessoryList(t, ticket.accessories)
  return (
    <>
      <p className="ticket-summary">
        <span className="tag">{t(`ticketStatus.${ticket.status}`)}</span>
        <span className="tag">{t(`warranty.status.${warranty.status}`)}</span>
        {ticket.overdue && <span className="tag tag-danger">{t('tickets.overdue')}</span>}
      </p>
      <div className="form-actions" role="group" aria-label={t('ticket.printActions')}>
        <PrintLinks ticketId={ticket.id} layouts={printLayouts} />
      </div>
      {repeatOf && (
        <p className="alert alert-warning">
          <a href={ticketHref(repeatOf.id)}>
            {repeatOf.collectedDate ? t('ticket.repeatOfCollected', { number: repeatOf.number, date: format.date(repeatOf.collectedDate) }) : t('ticket.repeatOf', { number: repeatOf.number })}
          </a>
        </p>
      )}
      <WorkPanel ticket={ticket} />
      <PartsPanel ticket={ticket} />
      <PaymentPanel ticket={ticket} />
      <div className="detail-grid">
        <CustomerPanel ticket={ticket} />
        <section aria-labelledby="ticket-device-title">
          <h2 id="ticket-device-title">{t('ticket.device')}</h2>
          <Facts
            rows={[
              [t('fields.manufacturer'), device.model.manufacturer.name],
              [t('fields.model'), `${device.model.marketingName} (${device.model.modelCode})`],
              [t('fields.imei'), device.imei ?? ''],
              [t('fields.serial'), device.serial ?? ''],
              [t('fields.purchaseDate'), format.date(device.purchaseDate)],
              [t('fields.proofOfPurchaseRef'), device.proofOfPurchaseRef ?? ''],
            ]}
          />
        </section>
        <section aria-labelledby="ticket-warranty-title">
          <h2 id="ticket-warranty-title">{t('ticket.warranty')}</h2>
          <Facts
            rows={[
              [t('fields.warrantyStatus'), t(`warranty.status.${warranty.status}`)],
              [t('ticket.reason'), t(`warranty.reasons.${warranty.reason}`)],
              [t('ticket.coveredUntil'), format.date(warranty.endsOn)],
              ...(warranty.overrideNote !== null ? [[t('ticket.overrideNote'), warranty.overrideNote] as [string, string]] : []),
            ]}
          />
        </section>
        <section aria-labelledby="ticket-intake-title" className="span-all">
          <h2 id="ticket-intake-title">{t('ticket.intake')}</h2>
          <Facts
            rows={[
              [t('ticket.receivedAt'), format.instant(ticket.receivedAtMs)],
              [t('ticket.createdBy'), ticket.createdByName],
              [t('fields.status'), t(`ticketStatus.${ticket.status}`)],
              [t('fields.promisedDate'), ticket.overdue ? `${format.date(ticket.promisedDate)} — ${t('tickets.overdue')}` : format.date(ticket.promisedDate)],
              [t('fields.assignedStaff'), ticket.assignedStaffName ?? ''],
              [t('fields.reportedFault'), ticket.reportedFault],
              [t('ticket.condition'), [condition.join(t('common.listSeparator')), ticket.conditionNotes].filter(Boolean).join('\n')],
              [t('ticket.accessories'), accessories.join(t('common.listSeparator'))],
              [t('fields.passcodeProvided'), ticket.passcodeProvided ? t('common.yes') : t('common.no')],
              [t('fields.notes'), ticket.notes],
            ]}
          />
        </section>
      </div>
      <TicketTimeline events={ticket.events} />
    </>
  )
}
