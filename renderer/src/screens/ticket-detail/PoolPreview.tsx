import { useTranslation } from 'react-i18next'
import type { PartDto } from '../../../../shared/dto/stock'
import type { PoolKey } from '../../../../shared/stock'
import { usePoolNames } from '../../pool-names'
import { onHandIn } from '../parts/on-hand'

interface Props {
  part: PartDto
  /** The ticket's pools in the order the ledger tries them (shared/stock.ts poolsForTicket). */
  ticketPools: PoolKey[]
  /** A pool picked by hand, or '' for the ledger's choice. */
  chosen: PoolKey | ''
  quantity: number | null
}

/**
 * Which pool the part will come from, worked out the way the ledger chooses (the first of the
 * ticket's pools with enough on hand), so a shortage shows before Save rather than after.
 */
export function PoolPreview({ part, ticketPools, chosen, quantity }: Props) {
  const { t } = useTranslation()
  const pools = usePoolNames()
  const needed = quantity ?? 1
  const pool = chosen || ticketPools.find((candidate) => onHandIn(part, candidate) >= needed)
  const enough = pool !== undefined && onHandIn(part, pool) >= needed
  const available = ticketPools.map((candidate) => t('parts.levelText', { pool: pools.label(candidate), onHand: onHandIn(part, candidate) })).join(t('common.listSeparator'))
  const text = !pool
    ? t('ticketParts.noPoolHasEnough', { quantity: needed, available })
    : enough
      ? t(chosen ? 'ticketParts.fromChosen' : 'ticketParts.fromAuto', { pool: pools.label(pool), onHand: onHandIn(part, pool) })
      : t('ticketParts.notEnoughIn', { pool: pools.label(pool), onHand: onHandIn(part, pool), quantity: needed })
  return (
    <p className={enough ? 'pool-preview' : 'pool-preview alert alert-warning'} role="status">
      {text}
    </p>
  )
}
