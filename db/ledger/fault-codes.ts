import type { FaultCodeDto } from '../../shared/dto/workflow'
import { defaultFaultCodes } from '../../shared/fault-codes'
import type { FaultCodeKind } from '../../shared/repair'
import type { Executor } from './audit'

export async function listFaultCodes(db: Executor, manufacturerId: number, includeInactive: boolean): Promise<FaultCodeDto[]> {
  let q = db.selectFrom('fault_codes').selectAll().where('manufacturer_id', '=', manufacturerId)
  if (!includeInactive) q = q.where('active', '=', 1)
  const rows = await q.orderBy('kind').orderBy('code').execute()
  return rows.map((r) => ({ id: r.id, manufacturerId: r.manufacturer_id, kind: r.kind, code: r.code, description: r.description, active: r.active === 1 }))
}

/** Whether `code` is an active code of this kind in the manufacturer's list. */
export async function isActiveFaultCode(db: Executor, manufacturerId: number, kind: FaultCodeKind, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('fault_codes')
    .select('id')
    .where('manufacturer_id', '=', manufacturerId)
    .where('kind', '=', kind)
    .where('code', '=', code)
    .where('active', '=', 1)
    .executeTakeFirst()
  return row !== undefined
}

export async function upsertFaultCode(
  db: Executor,
  c: { manufacturerId: number; kind: FaultCodeKind; code: string; description: string; active: boolean },
  nowMs: number,
): Promise<FaultCodeDto> {
  const row = await db
    .insertInto('fault_codes')
    .values({ manufacturer_id: c.manufacturerId, kind: c.kind, code: c.code, description: c.description, active: c.active ? 1 : 0, created_at_ms: nowMs, updated_at_ms: nowMs })
    .onConflict((oc) =>
      oc.columns(['manufacturer_id', 'kind', 'code']).doUpdateSet({ description: c.description, active: c.active ? 1 : 0, updated_at_ms: nowMs }),
    )
    .returningAll()
    .executeTakeFirstOrThrow()
  return { id: row.id, manufacturerId: row.manufacturer_id, kind: row.kind, code: row.code, description: row.description, active: row.active === 1 }
}

/** Gives a manufacturer the default code lists to start from. */
export async function seedFaultCodes(db: Executor, manufacturerId: number, nowMs: number): Promise<void> {
  const values = Object.entries(defaultFaultCodes).flatMap(([kind, codes]) =>
    codes.map(([code, description]) => ({
      manufacturer_id: manufacturerId,
      kind: kind as FaultCodeKind,
      code,
      description,
      active: 1,
      created_at_ms: nowMs,
      updated_at_ms: nowMs,
    })),
  )
  await db.insertInto('fault_codes').values(values).execute()
}
