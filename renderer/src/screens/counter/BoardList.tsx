import { useQueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { TicketSummaryDto } from '../../../../shared/dto/tickets'
import { openTicketStatuses, type TicketStatus } from '../../../../shared/tickets'
import { queryKeys } from '../../query'
import { routeHref, ticketHref } from '../../routes'
import { useShopFormat } from '../../shop-format'
import { deviceText } from '../../ticket-text'
import { initialBook, type TicketBookState } from '../tickets/ticket-book'

/** One list of the board: a heading, then its tickets as rows linking to the ticket, or a designed empty state. */
export function BoardList({ id, title, tickets, empty, tools }: { id: string; title: string; tickets: TicketSummaryDto[]; empty: string; tools?: ReactNode }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  return (
    <div className="board-list">
      <h3>
        <span id={`${id}-title`}>{title}</span> <span className="board-list-count">({tickets.length})</span>
      </h3>
      {tools}
      {tickets.length === 0 ? (
        <p className="empty-state">{empty}</p>
      ) : (
        <div className="table-scroll">
          <table className="table table-compact" aria-labelledby={`${id}-title`}>
            <thead>
              <tr>
                <th scope="col">{t('board.ticket')}</th>
                <th scope="col">{t('board.customer')}</th>
                <th scope="col">{t('board.device')}</th>
                <th scope="col">{t('board.status')}</th>
                <th scope="col">{t('board.promised')}</th>
              </tr>
            </thead>
            <tbody>
              {tickets.map((ticket) => (
                <tr key={ticket.id} className={ticket.overdue ? 'row-overdue' : undefined}>
                  <th scope="row" className="nowrap">
                    <a href={ticketHref(ticket.id)}>{ticket.number}</a>
                  </th>
                  <td>{ticket.customerName}</td>
                  <td>{deviceText(ticket)}</td>
                  <td>{t(`ticketStatus.${ticket.status}`)}</td>
                  <td className="nowrap">
                    {format.date(ticket.promisedDate)}
                    {ticket.overdue && <span className="tag tag-danger">{t('tickets.overdue')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}

/** Every open status with its count, zero included; each opens the ticket book filtered to it. */
export function StatusCounts({ counts }: { counts: Partial<Record<TicketStatus, number>> }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const filterBook = (status: TicketStatus) => {
    const book: TicketBookState = { query: '', filters: { ...initialBook.filters, statuses: [status] } }
    queryClient.setQueryData(queryKeys.ticketBook, book)
  }
  return (
    <div className="board-counts-block">
      <h3 id="board-counts-title">{t('board.countsTitle')}</h3>
      <ul className="board-counts" aria-labelledby="board-counts-title">
        {openTicketStatuses.map((status) => (
          <li key={status}>
            <a href={routeHref('tickets')} onClick={() => filterBook(status)} className={counts[status] ? 'board-count' : 'board-count board-count-zero'}>
              <span className="board-count-number">{counts[status] ?? 0}</span>{' '}
              <span className="board-count-label">{t(`ticketStatus.${status}`)}</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}
