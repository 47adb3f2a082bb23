import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { RpcFailure } from './api'

export const queryKeys = {
  setupStatus: ['setup', 'status'] as const,
  session: ['auth', 'current'] as const,
  staffChoices: ['auth', 'staffChoices'] as const,
  settings: ['settings'] as const,
  staffList: ['staff', 'list'] as const,
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
  return client
}

export function isUnauthenticated(error: unknown): boolean {
  return error instanceof RpcFailure && error.code === 'UNAUTHENTICATED'
}

function isNetworkFailure(error: unknown): boolean {
  return error instanceof RpcFailure && error.error.messageKey === 'errors.network'
}
