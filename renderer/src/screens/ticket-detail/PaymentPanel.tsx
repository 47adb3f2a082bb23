import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { InvoiceDto, PaymentDto } from '../../../../shared/dto/payments'
import type { TicketDetailDto } from '../../../../shared/dto/tickets'
import { LoadError, Loading } from '../../components/Feedback'
import { invoicePrintHref } from '../../routes'
import { useShopFormat } from '../../shop-format'
import { useTicketParts } from '../parts/stock-hooks'
import { paymentKeys, useInvoice } from '../payments/payment-hooks'
import { InvoiceSummary } from './InvoiceSummary'
import { PaymentDone } from './PaymentDone'
import { RefundForm } from './RefundForm'
import { TakePaymentForm } from './TakePaymentForm'
import { TicketPayments } from './TicketPayments'
import { useTakePaymentRequests } from './take-payment'

/** The ticket's money: the invoice, what was paid and refunded, and taking or giving back money. */
export function PaymentPanel({ ticket }: { ticket: TicketDetailDto }) {
  const { t } = useTranslation()
  const invoice = useInvoice(ticket.id)
  useInvoiceFollowsParts(ticket.id)
  return (
    <section aria-labelledby="ticket-payment-title" className="work-panel payment-panel" aria-busy={invoice.isPending || undefined}>
      <h2 id="ticket-payment-title" tabIndex={-1}>
        {t('payments.ticket.title')}
      </h2>
      {invoice.isPending && <Loading />}
      {invoice.isError && <LoadError error={invoice.error} onRetry={() => void invoice.refetch()} />}
      {invoice.data && <PaymentBody ticket={ticket} invoice={invoice.data} />}
    </section>
  )
}

/** The invoice bills the parts fitted: when the parts section's list changes, read it again. */
function useInvoiceFollowsParts(ticketId: number) {
  const queryClient = useQueryClient()
  const partsAt = useTicketParts(ticketId).dataUpdatedAt
  const first = useRef(true)
  useEffect(() => {
    if (!partsAt) return
    if (first.current) {
      first.current = false
      return
    }
    void queryClient.invalidateQueries({ queryKey: paymentKeys.invoice(ticketId) })
  }, [partsAt, queryClient, ticketId])
}

type Open = { kind: 'take' } | { kind: 'refund'; paymentId: number } | null

function PaymentBody({ ticket, invoice }: { ticket: TicketDetailDto; invoice: InvoiceDto }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const [open, setOpen] = useState<Open>(null)
  const [done, setDone] = useState<PaymentDto | null>(null)
  // Where focus goes once a form closes: its button, or the new payment's receipt link.
  const [returnTo, setReturnTo] = useState<{ id: string } | null>(null)
  const warranty = invoice.kind === 'warranty'
  const canTake = !warranty && ticket.status !== 'cancelled' && (!invoice.priced || invoice.balanceMinor > 0)
  const refunding = open?.kind === 'refund' ? invoice.payments.find((p) => p.id === open.paymentId) : undefined

  useEffect(() => {
    if (open || !returnTo) return
    ;(document.getElementById(returnTo.id) ?? document.getElementById('ticket-payment-title'))?.focus()
  }, [open, returnTo])

  const openTake = () => {
    if (!canTake) return document.getElementById('ticket-payment-title')?.focus()
    setDone(null)
    setOpen({ kind: 'take' })
  }
  useTakePaymentRequests(openTake)

  const close = (buttonId: string) => {
    setReturnTo({ id: buttonId })
    setOpen(null)
  }
  const finished = (payment: PaymentDto) => {
    setDone(payment)
    setReturnTo({ id: 'payment-done-receipt' })
    setOpen(null)
  }

  return (
    <>
      <InvoiceSummary invoice={invoice} />
      <PaymentDone payment={done} />
      {(canTake || invoice.priced) && (
        <div className="form-actions">
          {canTake && (
            <button type="button" id="take-payment-button" className="button button-primary" aria-keyshortcuts="Alt+P" aria-expanded={open?.kind === 'take'} aria-controls={open?.kind === 'take' ? 'take-payment' : undefined} onClick={openTake}>
              {invoice.final ? t('payments.take.title') : t('payments.take.depositTitle')}
              <kbd aria-hidden="true">Alt+P</kbd>
            </button>
          )}
          {invoice.priced && !warranty && (
            <>
              <a className="button" href={invoicePrintHref(ticket.id, 'invoice-80')}>
                {t('payments.invoice.print80')}
              </a>
              <a className="button" href={invoicePrintHref(ticket.id, 'invoice-a4')}>
                {t('payments.invoice.printA4')}
              </a>
            </>
          )}
        </div>
      )}
      {open?.kind === 'take' && canTake && <TakePaymentForm invoice={invoice} onClose={() => close('take-payment-button')} onDone={finished} />}
      {invoice.payments.length === 0 ? (
        <p className="empty-state">{t('payments.ticket.none')}</p>
      ) : (
        <TicketPayments
          payments={invoice.payments}
          refunding={refunding?.id ?? null}
          onRefund={(paymentId) => {
            setDone(null)
            setOpen({ kind: 'refund', paymentId })
          }}
        />
      )}
      {refunding && <RefundForm key={refunding.id} payment={refunding} onClose={() => close(`refund-button-${refunding.id}`)} onDone={finished} />}
      {warranty && invoice.balanceMinor < 0 && <p className="note">{t('payments.ticket.warrantyCredit', { credit: format.money(-invoice.balanceMinor) })}</p>}
    </>
  )
}
