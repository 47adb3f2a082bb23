import type { Selectable } from 'kysely'
import type { StaffChoiceDto, StaffDto, StaffRole } from '../../shared/dto/auth'
import type { StaffTable } from '../schema'
import type { Executor } from './audit'
import { compiledOnce } from './compiled'

export type StaffRow = Selectable<StaffTable>

export function toStaffDto(row: StaffRow): StaffDto {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    active: row.active === 1,
    locale: row.locale,
    createdAtMs: row.created_at_ms,
  }
}

// Looked up on every call to resolve the session, so compiled once.
const staffById = compiledOnce((db) => db.selectFrom('staff').selectAll().where('id', '=', 0))

export async function findStaff(db: Executor, id: number): Promise<StaffRow | undefined> {
  return (await staffById(db, [id]))[0]
}

export async function listStaff(db: Executor, includeInactive: boolean): Promise<StaffDto[]> {
  let query = db.selectFrom('staff').selectAll().orderBy('role', 'asc').orderBy('name')
  if (!includeInactive) query = query.where('active', '=', 1)
  return (await query.execute()).map(toStaffDto)
}

export async function listStaffChoices(db: Executor): Promise<StaffChoiceDto[]> {
  return db
    .selectFrom('staff')
    .select(['id', 'name', 'role'])
    .where('active', '=', 1)
    .orderBy('role', 'asc')
    .orderBy('name')
    .execute()
}

export async function isNameTaken(db: Executor, name: string, exceptId?: number): Promise<boolean> {
  let query = db.selectFrom('staff').select('id').where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId)
  return (await query.executeTakeFirst()) !== undefined
}

export async function countActiveOwners(db: Executor, exceptId?: number): Promise<number> {
  let query = db.selectFrom('staff').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'owner').where('active', '=', 1)
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId)
  const row = await query.executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function insertStaff(
  db: Executor,
  staff: { name: string; role: StaffRole; pinHash: string; locale?: string | null },
  nowMs: number,
): Promise<StaffRow> {
  return db
    .insertInto('staff')
    .values({
      name: staff.name,
      role: staff.role,
      pin_hash: staff.pinHash,
      active: 1,
      locale: staff.locale ?? null,
      created_at_ms: nowMs,
      updated_at_ms: nowMs,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export interface StaffChanges {
  name?: string
  role?: StaffRole
  pinHash?: string
  active?: boolean
  locale?: string | null
}

export async function updateStaffRow(db: Executor, id: number, changes: StaffChanges, nowMs: number): Promise<StaffRow> {
  return db
    .updateTable('staff')
    .set({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.role !== undefined && { role: changes.role }),
      ...(changes.pinHash !== undefined && { pin_hash: changes.pinHash }),
      ...(changes.active !== undefined && { active: changes.active ? 1 : 0 }),
      ...(changes.locale !== undefined && { locale: changes.locale }),
      updated_at_ms: nowMs,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}
