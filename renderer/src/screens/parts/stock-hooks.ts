import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ChannelName, InputOf, OutputOf } from '../../../../shared/contract'
import { useClient } from '../../client-context'
import { queryKeys } from '../../query'
import { useLedgerForm } from '../../use-ledger-form'

export function usePartSearch(input: InputOf<'parts.search'>, enabled = true) {
  const client = useClient()
  return useQuery({
    queryKey: queryKeys.partSearch(input),
    queryFn: () => client.call('parts.search', input),
    placeholderData: keepPreviousData,
    enabled,
  })
}

export function usePart(id: number) {
  const client = useClient()
  return useQuery({ queryKey: queryKeys.part(id), queryFn: () => client.call('parts.get', { id }) })
}

export function useTicketParts(ticketId: number) {
  const client = useClient()
  return useQuery({ queryKey: queryKeys.ticketParts(ticketId), queryFn: () => client.call('tickets.parts', { id: ticketId }) })
}

/**
 * After any stock write every view of stock may be stale: part lists and details, levels,
 * movement histories, the RMA list, the ticket pages' parts sections and their invoices (which
 * bill the parts used).
 */
export function useStockRefresh() {
  const queryClient = useQueryClient()
  return () => {
    for (const key of [queryKeys.parts, queryKeys.stock, queryKeys.rma, ['tickets', 'parts'], ['tickets', 'invoice']]) void queryClient.invalidateQueries({ queryKey: key })
  }
}

/** Form state for one stock write (see useLedgerForm); a success refreshes every stock view. */
export function useStockForm<C extends ChannelName>(channel: C, fieldPaths: readonly string[], onDone: (value: OutputOf<C>) => void, keyToField: Record<string, string> = {}) {
  return useLedgerForm(channel, fieldPaths, { onDone, refresh: useStockRefresh(), keyToField })
}

export type StockForm = ReturnType<typeof useStockForm>
