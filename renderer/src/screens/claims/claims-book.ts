import type { ClaimStatus } from '../../../../shared/claims'
import { useClientState } from '../../client-state'
import { clientStateRoot } from '../../client-state'

/** The claims screen's sections: claims by status, batches, the sync outbox, remittances. */
export const claimsSections = ['claims', 'batches', 'outbox', 'remittances'] as const
export type ClaimsSection = (typeof claimsSections)[number]

/** The claims list's status filter: every status, or one. */
export type StatusFilter = ClaimStatus | 'all'

/** What the claims screen remembers between visits: the section, filters and what is open. */
export interface ClaimsBook {
  section: ClaimsSection
  manufacturerId: number | null
  status: StatusFilter
  claimId: number | null
  batchId: number | null
}

const initialBook: ClaimsBook = { section: 'claims', manufacturerId: null, status: 'all', claimId: null, batchId: null }
const bookKey = [clientStateRoot, 'claimsBook'] as const

export function useClaimsBook(): [ClaimsBook, (change: Partial<ClaimsBook>) => void] {
  const [book, setBook] = useClientState<ClaimsBook>(bookKey, initialBook)
  return [book, (change) => setBook({ ...book, ...change })]
}
