import { useQuery } from '@tanstack/react-query'
import { useClient } from './client-context'
import { queryKeys } from './query'

export function useSetupStatus() {
  const client = useClient()
  return useQuery({ queryKey: queryKeys.setupStatus, queryFn: () => client.call('setup.status', {}) })
}

export function useSession(enabled = true) {
  const client = useClient()
  return useQuery({ queryKey: queryKeys.session, queryFn: () => client.call('auth.current', {}), enabled })
}

export function useSettings() {
  const client = useClient()
  return useQuery({ queryKey: queryKeys.settings, queryFn: () => client.call('settings.get', {}) })
}
