import { sql, type Kysely } from 'kysely'

// A technician's queue on the counter board reads, per open status, the newest tickets assigned
// to them. Without this index SQLite walked all of a technician's tickets of ten years for each
// status (board p95 335 ms at 10 years); with it each read is a covering-index seek.
// Frozen once landed.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX tickets_assigned_status ON tickets (assigned_staff_id, status) WHERE assigned_staff_id IS NOT NULL`.execute(db)
}
