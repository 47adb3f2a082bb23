import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { RpcFailure } from './api'
import { clientStateRoot } from './client-state'

export const queryKeys = {
  setupStatus: ['setup', 'status'] as const,
  session: ['auth', 'current'] as const,
  staffChoices: ['auth', 'staffChoices'] as const,
  settings: ['settings'] as const,
  staffList: ['staff', 'list'] as const,
  activeStaff: ['staff', 'list', 'active'] as const,
  customers: ['customers'] as const,
  customerSearch: (query: string) => ['customers', 'search', query] as const,
  customer: (id: number) => ['customers', 'detail', id] as const,
  manufacturers: ['manufacturers'] as const,
  manufacturerList: (includeInactive: boolean) => ['manufacturers', { includeInactive }] as const,
  models: ['models'] as const,
  modelSearch: (query: string, manufacturerId?: number) => ['models', { query, manufacturerId }] as const,
  devices: ['devices'] as const,
  tickets: ['tickets'] as const,
  ticketList: (filters: object) => ['tickets', 'list', filters] as const,
  ticketSearch: (query: string) => ['tickets', 'search', query] as const,
  ticket: (id: number) => ['tickets', 'detail', id] as const,
  /** Under `tickets`, so invalidating the tickets root after any workflow action refreshes them too. */
  work: (id: number) => ['tickets', 'work', id] as const,
  board: (staffId: number | null) => ['tickets', 'board', staffId] as const,
  /** Under `tickets`, so a workflow action (which invalidates the tickets root) refreshes it too. */
  ticketParts: (id: number) => ['tickets', 'parts', id] as const,
  parts: ['parts'] as const,
  partSearch: (input: object) => ['parts', 'search', input] as const,
  part: (id: number) => ['parts', 'detail', id] as const,
  stock: ['stock'] as const,
  stockLevels: (input: object) => ['stock', 'levels', input] as const,
  movements: (partId: number) => ['stock', 'movements', partId] as const,
  rma: ['rma'] as const,
  rmaList: (includeShipped: boolean) => ['rma', { includeShipped }] as const,
  faultCodes: ['faultCodes'] as const,
  faultCodeList: (manufacturerId: number, includeInactive: boolean) => ['faultCodes', manufacturerId, { includeInactive }] as const,
  /** Client state (useClientState): the ticket just taken in, until "Next intake". */
  lastIntake: [clientStateRoot, 'lastIntake'] as const,
  /** Client state: the ticket book's search text and filters. */
  ticketBook: [clientStateRoot, 'ticketBook'] as const,
  /** Client state: the parts list's search text, filters and the part opened. */
  partsBook: [clientStateRoot, 'partsBook'] as const,
}

/**
 * Queries retry only when the server could not be reached; a ledger answer (even an error) is
 * final. An UNAUTHENTICATED answer to any query or write means the session ended (e.g. the app
 * restarted), so the cached session is dropped and the sign-in screen appears. A wrong PIN is
 * also UNAUTHENTICATED, but there the session is already null.
 */
export function createQueryClient(options: { retryNetwork?: boolean } = {}): QueryClient {
  const retryNetwork = options.retryNetwork ?? true
  const onError = (error: unknown) => {
    if (isUnauthenticated(error)) client.setQueryData(queryKeys.session, null)
  }
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        retry: (count, error) => retryNetwork && count < 2 && isNetworkFailure(error),
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  })
  // Client-only state (useClientState) has no query function to refetch it with: never drop it.
  client.setQueryDefaults([clientStateRoot], { gcTime: Infinity, staleTime: Infinity })
  return client
}

export function isUnauthenticated(error: unknown): boolean {
  return error instanceof RpcFailure && error.code === 'UNAUTHENTICATED'
}

function isNetworkFailure(error: unknown): boolean {
  return error instanceof RpcFailure && error.error.messageKey === 'errors.network'
}
