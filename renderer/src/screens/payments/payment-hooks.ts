import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ChannelName, InputOf, OutputOf } from '../../../../shared/contract'
import { useClient } from '../../client-context'
import { queryKeys } from '../../query'
import { useShopFormat } from '../../shop-format'
import { useLedgerForm } from '../../use-ledger-form'
import { withMoneyParams } from './money-errors'

export const paymentKeys = {
  /** Under `tickets`: every workflow action (which refreshes the tickets root) can change the invoice. */
  invoice: (ticketId: number) => ['tickets', 'invoice', ticketId] as const,
  payments: ['payments'] as const,
  dayList: (date: string) => ['payments', 'day', date] as const,
  cash: ['cash'] as const,
  cashStatus: ['cash', 'status'] as const,
}

export function useInvoice(ticketId: number) {
  const client = useClient()
  return useQuery({ queryKey: paymentKeys.invoice(ticketId), queryFn: () => client.call('invoices.forTicket', { id: ticketId }) })
}

export function useDayPayments(date: string) {
  const client = useClient()
  // Another day keeps the last one on screen until it arrives (marked busy), rather than a flash of loading.
  return useQuery({ queryKey: paymentKeys.dayList(date), queryFn: () => client.call('payments.list', { date }), placeholderData: keepPreviousData })
}

export function useCashStatus() {
  const client = useClient()
  return useQuery({ queryKey: paymentKeys.cashStatus, queryFn: () => client.call('cash.status', {}) })
}

/** Active owners, whose PIN approves a refund or an unpaid hand-back whoever is signed in. */
export function useOwners() {
  const client = useClient()
  return useQuery({
    queryKey: queryKeys.staffChoices,
    queryFn: () => client.call('auth.staffChoices', {}),
    select: (choices) => choices.filter((choice) => choice.role === 'owner'),
  })
}

/**
 * After money moves, every view of it may be stale: the ticket (its invoice, timeline and work),
 * the day's payments and the drawer.
 */
export function useMoneyRefresh() {
  const queryClient = useQueryClient()
  return () => {
    for (const key of [queryKeys.tickets, paymentKeys.payments, paymentKeys.cash]) void queryClient.invalidateQueries({ queryKey: key })
  }
}

/** Form state for one money write (see useLedgerForm): amounts in refusals are written as money. */
export function useMoneyForm<C extends ChannelName>(channel: C, fieldPaths: readonly string[], onDone: (value: OutputOf<C>) => void) {
  const format = useShopFormat()
  return useLedgerForm(channel, fieldPaths, { onDone, refresh: useMoneyRefresh(), mapError: (error) => withMoneyParams(error, format.money) })
}

export type MoneyForm = ReturnType<typeof useMoneyForm>
