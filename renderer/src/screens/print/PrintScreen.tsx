import { useQuery } from '@tanstack/react-query'
import { useClient } from '../../client-context'
import { LoadError, Loading } from '../../components/Feedback'
import { useSettings } from '../../hooks'
import { queryKeys } from '../../query'
import { ticketHref, type PrintLayout } from '../../routes'
import { needsWork, PrintDocument } from './PrintDocument'
import { PrintToolbar } from './PrintToolbar'

/**
 * A print document alone on the page (no shell), so window.print(), Electron's print and PDF output
 * get only the paper. The toolbar is screen-only (hidden by @media print).
 */
export function PrintScreen({ ticketId, layout }: { ticketId: number; layout: PrintLayout }) {
  const client = useClient()
  const settings = useSettings()
  const ticket = useQuery({ queryKey: queryKeys.ticket(ticketId), queryFn: () => client.call('tickets.get', { id: ticketId }) })
  const withWork = needsWork(layout)
  const work = useQuery({ queryKey: queryKeys.work(ticketId), queryFn: () => client.call('tickets.work', { id: ticketId }), enabled: withWork })
  const ready = ticket.data && settings.data && (!withWork || work.data)

  return (
    <main className={`print-page print-page-${layout}`} aria-busy={!ready || undefined}>
      <PrintToolbar suggestedName={ticket.data ? `${ticket.data.number}-${layout}` : null} fallbackHref={ticketHref(ticketId)} />
      {(ticket.isPending || settings.isPending || (withWork && work.isPending)) && <Loading />}
      {ticket.isError && <LoadError error={ticket.error} onRetry={() => void ticket.refetch()} />}
      {settings.isError && <LoadError error={settings.error} onRetry={() => void settings.refetch()} />}
      {work.isError && <LoadError error={work.error} onRetry={() => void work.refetch()} />}
      {ready && <PrintDocument layout={layout} ticket={ticket.data} shop={settings.data} work={work.data} />}
    </main>
  )
}
