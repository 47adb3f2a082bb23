import { sql, type Kysely } from 'kysely'

// Owner reports read tickets by the day they were completed, handed back, cancelled or made
// ready, and payments and movements by day (indexed already). Frozen once landed.

const statements = [
  `CREATE INDEX tickets_completed_date ON tickets (completed_business_date) WHERE completed_business_date IS NOT NULL`,
  `CREATE INDEX tickets_collected_date ON tickets (collected_business_date) WHERE collected_business_date IS NOT NULL`,
  `CREATE INDEX tickets_cancelled_at ON tickets (cancelled_at_ms) WHERE cancelled_at_ms IS NOT NULL`,
  `CREATE INDEX tickets_ready_at ON tickets (ready_at_ms) WHERE ready_at_ms IS NOT NULL`,
  `CREATE INDEX tickets_repeat_of ON tickets (repeat_of_ticket_id) WHERE repeat_of_ticket_id IS NOT NULL`,
  `CREATE INDEX cash_sessions_date ON cash_sessions (business_date)`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
