import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { RpcFailure } from '../../api'
import { useClient } from '../../client-context'
import { LoadError, Loading } from '../../components/Feedback'
import { SettingsGate } from '../../components/SettingsGate'
import { useFocusOnMount } from '../../components/useFocusOnMount'
import { queryKeys } from '../../query'
import { routeHref } from '../../routes'
import { TicketDetail } from './TicketDetail'

/** One ticket: everything recorded at intake and its timeline. */
export function TicketDetailScreen({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation()
  const client = useClient()
  const heading = useFocusOnMount<HTMLHeadingElement>()
  const ticket = useQuery({ queryKey: queryKeys.ticket(ticketId), queryFn: () => client.call('tickets.get', { id: ticketId }) })
  const notFound = ticket.error instanceof RpcFailure && ticket.error.code === 'NOT_FOUND'
  return (
    <div className="panel panel-wide" aria-busy={ticket.isPending || undefined}>
      <p className="breadcrumb">
        <a href={routeHref('tickets')}>{t('ticket.back')}</a>
      </p>
      <h1 id="screen-title" ref={heading} tabIndex={-1}>
        {ticket.data ? t('ticket.title', { number: ticket.data.number }) : t('tickets.title')}
      </h1>
      {ticket.isPending && <Loading />}
      {notFound && <p className="empty-state">{t('ticket.notFound')}</p>}
      {ticket.isError && !notFound && <LoadError error={ticket.error} onRetry={() => void ticket.refetch()} />}
      {ticket.data && <SettingsGate>{() => <TicketDetail ticket={ticket.data} />}</SettingsGate>}
    </div>
  )
}
