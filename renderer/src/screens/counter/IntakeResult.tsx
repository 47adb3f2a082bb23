import { useTranslation } from 'react-i18next'
import type { TicketDetailDto } from '../../../../shared/dto/tickets'
import { useFocusOnMount } from '../../components/useFocusOnMount'
import { PrintLinks } from '../../components/PrintLinks'
import { ticketHref } from '../../routes'
import { useShopFormat } from '../../shop-format'
import { DepositTaken } from './DepositTaken'

/** After intake: the ticket number, big, a repeat-repair warning when it applies, and what to do next. */
export function IntakeResult({ ticket, onNext }: { ticket: TicketDetailDto; onNext: () => void }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const heading = useFocusOnMount<HTMLHeadingElement>()
  const { repeatOf } = ticket
  return (
    <section aria-labelledby="intake-done-title" className="intake-done">
      <h2 id="intake-done-title" ref={heading} tabIndex={-1}>
        {t('intake.doneTitle', { number: ticket.number })}
      </h2>
      <p className="ticket-number-big">{ticket.number}</p>
      <p>
        {ticket.customer.name} · {ticket.customer.phone} · {ticket.manufacturerName} {ticket.modelName} · {t(`warranty.status.${ticket.warranty.status}`)}
      </p>
      {repeatOf && (
        <div role="alert" className="alert alert-warning">
          <p className="alert-title">{t('intake.repeatTitle')}</p>
          <p>
            {repeatOf.collectedDate
              ? t('intake.repeatText', { date: format.date(repeatOf.collectedDate), number: repeatOf.number })
              : t('intake.repeatTextUndated', { number: repeatOf.number })}
          </p>
          <a href={ticketHref(repeatOf.id)}>{t('intake.repeatLink', { number: repeatOf.number })}</a>
        </div>
      )}
      <DepositTaken ticketId={ticket.id} />
      <p className="muted">{t('intake.doneLead')}</p>
      <div className="form-actions">
        <PrintLinks ticketId={ticket.id} layouts={['receipt-80', 'receipt-a4', 'label']} primaryFirst />
        <a className="button" href={ticketHref(ticket.id)}>
          {t('intake.openTicket')}
        </a>
        <button type="button" className="button" onClick={onNext}>
          {t('intake.next')}
        </button>
      </div>
    </section>
  )
}
