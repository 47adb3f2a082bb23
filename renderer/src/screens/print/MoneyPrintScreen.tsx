import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useClient } from '../../client-context'
import { LoadError, Loading } from '../../components/Feedback'
import { useSettings } from '../../hooks'
import { queryKeys } from '../../query'
import { ticketHref, type MoneyPrintLayout } from '../../routes'
import { useInvoice } from '../payments/payment-hooks'
import { InvoiceDocument } from './InvoiceDocument'
import { PaymentReceipt } from './PaymentReceipt'
import { PrintToolbar } from './PrintToolbar'

/**
 * A ticket's invoice or one payment's receipt alone on the page (no shell), like the other print
 * pages: the paper, under a toolbar that never prints.
 */
export function MoneyPrintScreen({ ticketId, layout, paymentId }: { ticketId: number; layout: MoneyPrintLayout; paymentId: number | null }) {
  const { t } = useTranslation()
  const client = useClient()
  const settings = useSettings()
  const ticket = useQuery({ queryKey: queryKeys.ticket(ticketId), queryFn: () => client.call('tickets.get', { id: ticketId }) })
  const invoice = useInvoice(ticketId)
  const queries = [ticket, settings, invoice]
  const payment = paymentId === null ? null : invoice.data?.payments.find((p) => p.id === paymentId)
  const size = layout.endsWith('-80') ? '80' : 'a4'
  const name = ticket.data ? `${ticket.data.number}-${layout}${paymentId === null ? '' : `-${paymentId}`}` : null
  const ready = ticket.data && settings.data && invoice.data

  return (
    <main className={`print-page print-page-${layout}`} aria-busy={!ready || undefined}>
      <PrintToolbar suggestedName={name} fallbackHref={ticketHref(ticketId)} />
      {queries.some((query) => query.isPending) && <Loading />}
      {queries.map((query, index) => query.isError && <LoadError key={index} error={query.error} onRetry={() => void query.refetch()} />)}
      {ready && paymentId === null && <InvoiceDocument ticket={ticket.data} invoice={invoice.data} shop={settings.data} size={size} />}
      {ready && payment && <PaymentReceipt ticket={ticket.data} invoice={invoice.data} payment={payment} shop={settings.data} size={size} />}
      {ready && payment === undefined && <p className="empty-state">{t('paymentPrint.paymentNotFound')}</p>}
    </main>
  )
}
