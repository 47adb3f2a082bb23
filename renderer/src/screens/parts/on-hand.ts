import type { PartDto } from '../../../../shared/dto/stock'
import type { PoolKey } from '../../../../shared/stock'

/** The on-hand quantity of a part in one pool (a pool with nothing on hand is absent from `levels`). */
export function onHandIn(part: Pick<PartDto, 'levels'>, pool: PoolKey): number {
  return part.levels.find((level) => level.pool === pool)?.onHand ?? 0
}
