import { sql, type Kysely } from 'kysely'

// Reports count repairs by the person who completed them: the ticket row carries it (as it
// carries the other moments reports need), backfilled from the completion events. Tickets open
// at the end of a past day are found among those handed back after it and received before it.
// Frozen once landed.

const statements = [
  `ALTER TABLE tickets ADD COLUMN completed_by_staff_id INTEGER REFERENCES staff (id)`,
  `UPDATE tickets SET completed_by_staff_id = (
     SELECT e.staff_id FROM ticket_events e WHERE e.ticket_id = tickets.id AND e.kind = 'complete' ORDER BY e.id DESC LIMIT 1)
   WHERE completed_at_ms IS NOT NULL`,
  `CREATE INDEX tickets_collected_received ON tickets (collected_business_date, received_business_date) WHERE collected_business_date IS NOT NULL`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
