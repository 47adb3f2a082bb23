import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { TicketWorkDto } from '../../../../shared/dto/workflow'
import { RpcFailure } from '../../api'
import { useClient } from '../../client-context'
import { queryKeys } from '../../query'
import { useLedgerForm } from '../../use-ledger-form'

/** The workflow channels that change a ticket; each answers with the ticket's new work state. */
export type WorkChannel =
  | 'tickets.assign'
  | 'tickets.startDiagnosis'
  | 'tickets.diagnose'
  | 'tickets.estimate'
  | 'tickets.decide'
  | 'tickets.startRepair'
  | 'tickets.complete'
  | 'tickets.markReady'
  | 'tickets.collect'
  | 'tickets.cancel'
  | 'tickets.addNote'

export function useTicketWork(ticketId: number) {
  const client = useClient()
  return useQuery({ queryKey: queryKeys.work(ticketId), queryFn: () => client.call('tickets.work', { id: ticketId }) })
}

/**
 * Form state for one workflow action: field errors from local checks or from the ledger's issue
 * paths, a counter that moves focus to the first invalid field, and the write itself. A success
 * puts the new work state in the cache at once and refreshes every ticket view (list, detail,
 * board); a refused transition refreshes them too, so the page shows where the ticket now stands.
 * `readable` rewrites a refusal before it is translated (the hand-back's amounts owed as money).
 */
export function useWorkForm<C extends WorkChannel>(channel: C, fieldPaths: readonly string[], onDone: (work: TicketWorkDto) => void, readable: (error: unknown) => unknown = (error) => error) {
  const queryClient = useQueryClient()
  const refreshTickets = () => {
    for (const key of [queryKeys.tickets, queryKeys.devices, queryKeys.customers]) void queryClient.invalidateQueries({ queryKey: key })
  }
  return useLedgerForm(channel, fieldPaths, {
    onDone: (work) => onDone(work as TicketWorkDto),
    refresh: (work) => {
      queryClient.setQueryData(queryKeys.work((work as TicketWorkDto).ticketId), work)
      refreshTickets()
    },
    onRefused: (error) => {
      if (error instanceof RpcFailure && error.code === 'ILLEGAL_TRANSITION') refreshTickets()
    },
    mapError: readable,
  })
}

export type WorkForm = ReturnType<typeof useWorkForm>
