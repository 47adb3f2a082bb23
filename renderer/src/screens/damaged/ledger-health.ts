import { useQuery } from '@tanstack/react-query'
import { useClient } from '../../client-context'

export const appInfoKey = ['app', 'info'] as const

/** `app.info`: whether the ledger passed its check at start (a damaged one is never used silently). */
export function useAppInfo() {
  const client = useClient()
  return useQuery({ queryKey: appInfoKey, queryFn: () => client.call('app.info', {}), staleTime: 0 })
}
