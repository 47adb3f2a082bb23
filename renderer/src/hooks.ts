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

/** Active staff, e.g. for "assign technician". */
export function useActiveStaff() {
  const client = useClient()
  return useQuery({ queryKey: queryKeys.activeStaff, queryFn: () => client.call('staff.list', { includeInactive: false }) })
}

/** Everyone who ever worked here, e.g. to filter tickets by a technician who has since left. */
export function useAllStaff() {
  const client = useClient()
  return useQuery({ queryKey: queryKeys.staffList, queryFn: () => client.call('staff.list', { includeInactive: true }) })
}

/** A manufacturer's fault codes (active only for a diagnosis; all to read old tickets or edit the list). */
export function useFaultCodes(manufacturerId: number, includeInactive: boolean) {
  const client = useClient()
  return useQuery({
    queryKey: queryKeys.faultCodeList(manufacturerId, includeInactive),
    queryFn: () => client.call('faultCodes.list', { manufacturerId, includeInactive }),
  })
}

/** Manufacturers (all, or active only), e.g. to name consigned stock pools or offer them. */
export function useManufacturers(includeInactive: boolean) {
  const client = useClient()
  return useQuery({ queryKey: queryKeys.manufacturerList(includeInactive), queryFn: () => client.call('manufacturers.list', { includeInactive }) })
}
