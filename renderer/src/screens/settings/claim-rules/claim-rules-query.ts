import { useQuery } from '@tanstack/react-query'
import { useClient } from '../../../client-context'

/**
 * Under the manufacturers root, so a change to a manufacturer (its claim window is edited in both
 * places) refreshes its claim rules too.
 */
export const claimRulesKey = (manufacturerId: number) => ['manufacturers', 'claimRules', manufacturerId] as const

export function useClaimRules(manufacturerId: number) {
  const client = useClient()
  return useQuery({ queryKey: claimRulesKey(manufacturerId), queryFn: () => client.call('manufacturers.claimRules', { manufacturerId }) })
}
