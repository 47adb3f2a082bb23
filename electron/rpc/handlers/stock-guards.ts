import { AppError } from '../../../shared/errors'
import { parsePool, type PoolKey } from '../../../shared/stock'
import type { Executor } from '../../../db/ledger/audit'
import { findPartRow, type PartRow } from '../../../db/ledger/parts'
import { onHand } from '../../../db/ledger/stock'
import { fieldError } from './field-error'

// Checks shared by the stock channels. Each names the input field at fault, so the form can mark it.

type Path = (string | number)[]

/** The part, which must exist and (unless `allowInactive`) still be stocked. */
export async function activePart(db: Executor, partId: number, path: Path, allowInactive = false): Promise<PartRow> {
  const part = await findPartRow(db, partId)
  if (!part) throw fieldError(path, 'errors.partNotFound', 'NOT_FOUND')
  if (part.active !== 1 && !allowInactive) throw fieldError(path, 'errors.partInactive', 'CONFLICT', { sku: part.sku })
  return part
}

/** A consigned pool must name a manufacturer in the ledger. */
export async function existingPool(db: Executor, pool: PoolKey, path: Path): Promise<void> {
  const parsed = parsePool(pool)
  if (parsed?.kind !== 'consigned' || parsed.manufacturerId === null) return
  const maker = await db.selectFrom('manufacturers').select('id').where('id', '=', parsed.manufacturerId).executeTakeFirst()
  if (!maker) throw fieldError(path, 'errors.poolUnknownManufacturer', 'NOT_FOUND')
}

/** Refuses taking `quantity` from a pool holding less. */
export async function requireOnHand(db: Executor, part: PartRow, pool: PoolKey, quantity: number): Promise<number> {
  const available = await onHand(db, part.id, pool)
  if (available < quantity) throw new AppError('CONFLICT', 'errors.insufficientStock', { sku: part.sku, onHand: available, quantity })
  return available
}

/** The defective pool moves only through repairs and RMA shipments, never by hand. */
export function notDefective(pool: PoolKey, path: Path, messageKey = 'errors.adjustDefective'): void {
  if (pool === 'defective') throw fieldError(path, messageKey, 'CONFLICT')
}
