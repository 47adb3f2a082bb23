import { useTranslation } from 'react-i18next'
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ChannelName, OutputOf } from '../../../../shared/contract'
import type { ClaimStatus, SyncStatus } from '../../../../shared/claims'
import { useClient } from '../../client-context'
import { useShopFormat } from '../../shop-format'
import { useLedgerForm } from '../../use-ledger-form'
import { withClaimWords } from './claim-errors'

/** Query keys of the claims screen; everything under `claims` so one write can refresh it all. */
export const claimKeys = {
  root: ['claims'] as const,
  list: (filter: object) => ['claims', 'list', filter] as const,
  detail: (id: number) => ['claims', 'detail', id] as const,
  batches: (filter: object) => ['claims', 'batches', filter] as const,
  batch: (id: number) => ['claims', 'batch', id] as const,
  rules: (manufacturerId: number) => ['claims', 'rules', manufacturerId] as const,
  outbox: (filter: object) => ['claims', 'outbox', filter] as const,
  remittances: (filter: object) => ['claims', 'remittances', filter] as const,
  awaitingPayment: (manufacturerId: number) => ['claims', 'awaitingPayment', manufacturerId] as const,
}

const pageSize = 50

/** Claims of some statuses (all when none) and maybe one manufacturer, newest first, a page at a time. */
export function useClaimPages(statuses: ClaimStatus[], manufacturerId: number | null) {
  const client = useClient()
  const filter = { statuses, ...(manufacturerId ? { manufacturerId } : {}) }
  return useInfiniteQuery({
    queryKey: claimKeys.list(filter),
    queryFn: ({ pageParam }) => client.call('claims.list', { ...filter, limit: pageSize, ...(pageParam ? { beforeId: pageParam } : {}) }),
    initialPageParam: 0,
    getNextPageParam: (page) => page.nextBeforeId ?? undefined,
    placeholderData: keepPreviousData,
  })
}

/** Every claim of a manufacturer in some statuses (up to 200, the most a list gives), for a batch or a remittance. */
export function useClaimsOf(manufacturerId: number, statuses: ClaimStatus[]) {
  const client = useClient()
  return useQuery({
    queryKey: claimKeys.list({ statuses, manufacturerId, all: true }),
    queryFn: () => client.call('claims.list', { statuses, manufacturerId, limit: 200 }),
    enabled: manufacturerId > 0,
  })
}

export function useClaim(id: number) {
  const client = useClient()
  return useQuery({ queryKey: claimKeys.detail(id), queryFn: () => client.call('claims.get', { id }) })
}

export function useBatchPages(manufacturerId: number | null) {
  const client = useClient()
  const filter = manufacturerId ? { manufacturerId } : {}
  return useInfiniteQuery({
    queryKey: claimKeys.batches(filter),
    queryFn: ({ pageParam }) => client.call('batches.list', { ...filter, limit: pageSize, ...(pageParam ? { beforeId: pageParam } : {}) }),
    initialPageParam: 0,
    getNextPageParam: (page) => page.nextBeforeId ?? undefined,
    placeholderData: keepPreviousData,
  })
}

export function useBatch(id: number) {
  const client = useClient()
  return useQuery({ queryKey: claimKeys.batch(id), queryFn: () => client.call('batches.get', { id }) })
}

export function useClaimRules(manufacturerId: number) {
  const client = useClient()
  return useQuery({ queryKey: claimKeys.rules(manufacturerId), queryFn: () => client.call('manufacturers.claimRules', { manufacturerId }) })
}

/** How often the outbox is read again: a background worker sends while the screen is open. */
export const outboxRefreshMs = 5_000

export function useOutbox(statuses: SyncStatus[]) {
  const client = useClient()
  return useQuery({
    queryKey: claimKeys.outbox({ statuses }),
    queryFn: () => client.call('sync.status', { statuses, limit: 50 }),
    refetchInterval: outboxRefreshMs,
    placeholderData: keepPreviousData,
  })
}

export function useRemittancePages(manufacturerId: number | null) {
  const client = useClient()
  const filter = manufacturerId ? { manufacturerId } : {}
  return useInfiniteQuery({
    queryKey: claimKeys.remittances(filter),
    queryFn: ({ pageParam }) => client.call('claims.remittances', { ...filter, limit: pageSize, ...(pageParam ? { beforeId: pageParam } : {}) }),
    initialPageParam: 0,
    getNextPageParam: (page) => page.nextBeforeId ?? undefined,
    placeholderData: keepPreviousData,
  })
}

/** After any claim write every claims view may be stale (lists, details, batches, outbox, remittances), and so may the RMA list. */
export function useClaimsRefresh() {
  const queryClient = useQueryClient()
  return () => {
    for (const key of [claimKeys.root, ['rma']]) void queryClient.invalidateQueries({ queryKey: key })
  }
}

/** Form state for one claims write (see useLedgerForm): a success refreshes every claims view; amounts in refusals read as money. */
export function useClaimForm<C extends ChannelName>(channel: C, fieldPaths: readonly string[], onDone: (value: OutputOf<C>) => void, keyToField: Record<string, string> = {}) {
  const { t } = useTranslation()
  const format = useShopFormat()
  return useLedgerForm(channel, fieldPaths, { onDone, refresh: useClaimsRefresh(), mapError: (error) => withClaimWords(error, format.money, t), keyToField })
}

export type ClaimForm = ReturnType<typeof useClaimForm>
