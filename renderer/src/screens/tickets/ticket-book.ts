import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query'
import type { InputOf } from '../../../../shared/contract'
import type { TicketStatus } from '../../../../shared/tickets'
import type { WarrantyStatus } from '../../../../shared/warranty'
import { useClient } from '../../client-context'
import { queryKeys } from '../../query'

export interface TicketFilters {
  statuses: TicketStatus[]
  warrantyStatus: WarrantyStatus | ''
  assignedStaffId: string
  overdue: boolean
}

export interface TicketBookState {
  query: string
  filters: TicketFilters
}

export const initialBook: TicketBookState = { query: '', filters: { statuses: [], warrantyStatus: '', assignedStaffId: '', overdue: false } }

export const pageSize = 50

export function hasFilters(filters: TicketFilters): boolean {
  return filters.statuses.length > 0 || filters.warrantyStatus !== '' || filters.assignedStaffId !== '' || filters.overdue
}

function listInput(filters: TicketFilters): InputOf<'tickets.list'> {
  return {
    statuses: filters.statuses,
    overdue: filters.overdue,
    limit: pageSize,
    ...(filters.warrantyStatus ? { warrantyStatus: filters.warrantyStatus } : {}),
    ...(filters.assignedStaffId ? { assignedStaffId: Number(filters.assignedStaffId) } : {}),
  }
}

/** Newest first, a page at a time; "load more" continues before the last id shown. */
export function useTicketList(filters: TicketFilters) {
  const client = useClient()
  const input = listInput(filters)
  return useInfiniteQuery({
    queryKey: queryKeys.ticketList(input),
    queryFn: ({ pageParam }) => client.call('tickets.list', pageParam === undefined ? input : { ...input, beforeId: pageParam }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => page.nextBeforeId ?? undefined,
  })
}

export function useTicketSearch(query: string) {
  const client = useClient()
  return useQuery({
    queryKey: queryKeys.ticketSearch(query),
    queryFn: () => client.call('tickets.search', { query, limit: pageSize }),
    enabled: query !== '',
    placeholderData: keepPreviousData,
  })
}
