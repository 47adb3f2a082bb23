import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useState } from 'react'

/** Query-key root of client-only state; createQueryClient keeps it for the whole session. */
export const clientStateRoot = 'client'

/**
 * Screen state that should outlive the screen (the counter's last ticket, the ticket book's search
 * and filters). React state drives the screen, so a controlled input keeps up with a scanner's
 * typing; every change is also written to the query cache, where the next visit picks it up.
 */
export function useClientState<T>(key: readonly [typeof clientStateRoot, ...unknown[]], initial: T): [T, (value: T) => void] {
  const queryClient = useQueryClient()
  const [value, setValue] = useState<T>(() => queryClient.getQueryData<T>(key) ?? initial)
  const set = useCallback(
    (next: T) => {
      setValue(next)
      queryClient.setQueryData<T>(key, next)
    },
    [queryClient, key],
  )
  return [value, set]
}
