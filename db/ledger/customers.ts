import { sql, type Selectable } from 'kysely'
import type { CustomerDto } from '../../shared/dto/catalog'
import type { CustomerKind } from '../../shared/tickets'
import type { CustomersTable } from '../schema'
import type { Executor } from './audit'
import { escapeLike, ftsQuery } from './fts'

type CustomerRow = Selectable<CustomersTable>

export function toCustomerDto(row: CustomerRow): CustomerDto {
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    email: row.email,
    kind: row.kind,
    notes: row.notes,
    createdAtMs: row.created_at_ms,
    updatedAtMs: row.updated_at_ms,
  }
}

export async function findCustomer(db: Executor, id: number): Promise<CustomerRow | undefined> {
  return db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst()
}

export interface NewCustomerFields {
  name: string
  phone: string
  email?: string | null | undefined
  kind: CustomerKind
  notes: string
}

export async function insertCustomer(db: Executor, c: NewCustomerFields, nowMs: number): Promise<CustomerRow> {
  return db
    .insertInto('customers')
    .values({ name: c.name, phone: c.phone, email: c.email ?? null, kind: c.kind, notes: c.notes, created_at_ms: nowMs, updated_at_ms: nowMs })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function updateCustomer(db: Executor, id: number, changes: Partial<NewCustomerFields>, nowMs: number): Promise<CustomerRow> {
  return db
    .updateTable('customers')
    .set({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.phone !== undefined && { phone: changes.phone }),
      ...(changes.email !== undefined && { email: changes.email }),
      ...(changes.kind !== undefined && { kind: changes.kind }),
      ...(changes.notes !== undefined && { notes: changes.notes }),
      updated_at_ms: nowMs,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/**
 * Customers whose name or phone contains the query. Three or more characters use the trigram
 * index; a two-character query (a Chinese name) matches names by prefix (indexed); shorter ones find nothing.
 */
export async function searchCustomers(db: Executor, query: string, limit: number): Promise<CustomerDto[]> {
  const match = ftsQuery(query)
  if (match) {
    const rows = await db
      .selectFrom('customers')
      .selectAll()
      .where('id', 'in', sql<number>`(SELECT rowid FROM customer_search WHERE customer_search MATCH ${match} ORDER BY rowid DESC LIMIT ${limit})`)
      .orderBy('id', 'desc')
      .execute()
    return rows.map(toCustomerDto)
  }
  const prefix = query.trim()
  if ([...prefix].length < 2 || /^\d+$/.test(prefix)) return []
  const pattern = `${escapeLike(prefix)}%`
  const rows = await db
    .selectFrom('customers')
    .selectAll()
    .where(sql<boolean>`name LIKE ${pattern} ESCAPE '\\'`)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map(toCustomerDto)
}
