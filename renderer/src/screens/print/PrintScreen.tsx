import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useClient } from '../../client-context'
import { LoadError, Loading } from '../../components/Feedback'
import { useFocusOnMount } from '../../components/useFocusOnMount'
import { useSettings } from '../../hooks'
import { queryKeys } from '../../query'
import { goTo, ticketHref, type PrintLayout } from '../../routes'
import { needsWork, PrintDocument } from './PrintDocument'
import { SavePdfButton } from './SavePdfButton'

/**
 * A print document alone on the page (no shell), so window.print(), Electron's print and PDF output
 * get only the paper. The toolbar is screen-only (hidden by @media print).
 */
export function PrintScreen({ ticketId, layout }: { ticketId: number; layout: PrintLayout }) {
  const { t } = useTranslation()
  const client = useClient()
  const settings = useSettings()
  const ticket = useQuery({ queryKey: queryKeys.ticket(ticketId), queryFn: () => client.call('tickets.get', { id: ticketId }) })
  const withWork = needsWork(layout)
  const work = useQuery({ queryKey: queryKeys.work(ticketId), queryFn: () => client.call('tickets.work', { id: ticketId }), enabled: withWork })
  const printButton = useFocusOnMount<HTMLButtonElement>()
  const ready = ticket.data && settings.data && (!withWork || work.data)

  const back = () => {
    if (window.history.length > 1) window.history.back()
    else goTo(ticketHref(ticketId))
  }

  return (
    <main className={`print-page print-page-${layout}`} aria-busy={!ready || undefined}>
      <div className="print-toolbar">
        <button type="button" ref={printButton} className="button button-primary" onClick={() => window.print()}>
          {t('print.print')}
        </button>
        {ticket.data && <SavePdfButton suggestedName={`${ticket.data.number}-${layout}`} />}
        <button type="button" className="button" onClick={back}>
          {t('print.back')}
        </button>
        <p className="muted">{t('print.hint')}</p>
      </div>
      {(ticket.isPending || settings.isPending || (withWork && work.isPending)) && <Loading />}
      {ticket.isError && <LoadError error={ticket.error} onRetry={() => void ticket.refetch()} />}
      {settings.isError && <LoadError error={settings.error} onRetry={() => void settings.refetch()} />}
      {work.isError && <LoadError error={work.error} onRetry={() => void work.refetch()} />}
      {ready && <PrintDocument layout={layout} ticket={ticket.data} shop={settings.data} work={work.data} />}
    </main>
  )
}
