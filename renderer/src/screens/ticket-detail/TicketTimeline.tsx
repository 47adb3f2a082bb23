import { useTranslation } from 'react-i18next'
import type { TicketEventDto } from '../../../../shared/dto/tickets'
import { useShopFormat } from '../../shop-format'

/** Every event of the ticket, oldest first, with the time in the shop's time zone and who did it. */
export function TicketTimeline({ events }: { events: TicketEventDto[] }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const status = (value: string) => t(`ticketStatus.${value}`)
  return (
    <section aria-labelledby="ticket-timeline-title">
      <h2 id="ticket-timeline-title">{t('ticket.timeline')}</h2>
      <table className="table">
        <caption className="visually-hidden">{t('ticket.timelineCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ticket.time')}</th>
            <th scope="col">{t('ticket.staff')}</th>
            <th scope="col">{t('ticket.event')}</th>
            <th scope="col">{t('ticket.note')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td className="nowrap">{format.instant(event.atMs)}</td>
              <td>{event.staffName}</td>
              <td>
                {t(`ticketEvent.${event.kind}`, { defaultValue: event.kind })}
                {event.toStatus && (
                  <span className="muted"> ({event.fromStatus ? t('ticket.statusChange', { from: status(event.fromStatus), to: status(event.toStatus) }) : status(event.toStatus)})</span>
                )}
              </td>
              <td className="pre-wrap">{event.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
