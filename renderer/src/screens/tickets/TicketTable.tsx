import { useTranslation } from 'react-i18next'
import type { TicketSummaryDto } from '../../../../shared/dto/tickets'
import { ticketHref } from '../../routes'
import { useShopFormat } from '../../shop-format'
import { deviceText, identifierText } from '../../ticket-text'

/** Tickets as rows; the number links to the ticket. Overdue and repeat are spelled out, not only coloured. */
export function TicketTable({ tickets, caption }: { tickets: TicketSummaryDto[]; caption: string }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  return (
    <div className="table-scroll">
      <table className="table ticket-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('tickets.number')}</th>
            <th scope="col">{t('tickets.received')}</th>
            <th scope="col">{t('tickets.customer')}</th>
            <th scope="col">{t('tickets.phone')}</th>
            <th scope="col">{t('tickets.model')}</th>
            <th scope="col">{t('tickets.identifier')}</th>
            <th scope="col">{t('tickets.status')}</th>
            <th scope="col">{t('tickets.warranty')}</th>
            <th scope="col">{t('tickets.promised')}</th>
            <th scope="col">{t('tickets.repeat')}</th>
          </tr>
        </thead>
        <tbody>
          {tickets.map((ticket) => (
            <tr key={ticket.id} className={ticket.overdue ? 'row-overdue' : undefined}>
              <th scope="row" className="nowrap">
                <a href={ticketHref(ticket.id)}>{ticket.number}</a>
              </th>
              <td className="nowrap">{format.date(ticket.receivedDate)}</td>
              <td>{ticket.customerName}</td>
              <td className="nowrap">{ticket.customerPhone}</td>
              <td>{deviceText(ticket)}</td>
              <td className="mono">{identifierText(ticket)}</td>
              <td>{t(`ticketStatus.${ticket.status}`)}</td>
              <td>{t(`warranty.status.${ticket.warrantyStatus}`)}</td>
              <td className="nowrap">
                {format.date(ticket.promisedDate)}
                {ticket.overdue && <span className="tag tag-danger">{t('tickets.overdue')}</span>}
              </td>
              <td>{ticket.repeatOfTicketId !== null && <span className="tag tag-warning tag-first">{t('tickets.isRepeat')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
