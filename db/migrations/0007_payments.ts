import { sql, type Kysely } from 'kysely'

// Payments and the cash drawer. Every row records something that happened and is append-only:
// a refund is a negative payment row pointing at the one it refunds; a drawer session is opened
// by one row and closed by another. Cash rows must name the open drawer session they went
// through, so the drawer's expected cash is a sum over its own rows. Frozen once landed.

const appendOnly = (table: string) =>
  ['UPDATE', 'DELETE'].map(
    (op) => `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table}
      BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
  )

const statements = [
  `CREATE TABLE cash_sessions (
    id INTEGER PRIMARY KEY,
    opened_at_ms INTEGER NOT NULL,
    business_date TEXT NOT NULL,
    opened_by_staff_id INTEGER NOT NULL REFERENCES staff (id),
    float_minor INTEGER NOT NULL CHECK (float_minor >= 0),
    note TEXT NOT NULL DEFAULT ''
  ) STRICT`,
  `CREATE TABLE cash_closings (
    session_id INTEGER PRIMARY KEY REFERENCES cash_sessions (id),
    closed_at_ms INTEGER NOT NULL,
    business_date TEXT NOT NULL,
    closed_by_staff_id INTEGER NOT NULL REFERENCES staff (id),
    expected_minor INTEGER NOT NULL,
    counted_minor INTEGER NOT NULL CHECK (counted_minor >= 0),
    over_short_minor INTEGER NOT NULL CHECK (over_short_minor = counted_minor - expected_minor),
    denominations_json TEXT,
    note TEXT NOT NULL DEFAULT ''
  ) STRICT`,
  `CREATE TABLE payments (
    id INTEGER PRIMARY KEY,
    ticket_id INTEGER NOT NULL REFERENCES tickets (id),
    at_ms INTEGER NOT NULL,
    business_date TEXT NOT NULL,
    staff_id INTEGER NOT NULL REFERENCES staff (id),
    kind TEXT NOT NULL CHECK (kind IN ('deposit', 'payment', 'refund')),
    method TEXT NOT NULL CHECK (method IN ('cash', 'card', 'wechat', 'alipay', 'bank_transfer', 'other')),
    amount_minor INTEGER NOT NULL CHECK ((kind = 'refund' AND amount_minor < 0) OR (kind <> 'refund' AND amount_minor > 0)),
    tendered_minor INTEGER CHECK (tendered_minor IS NULL OR tendered_minor >= amount_minor),
    change_minor INTEGER CHECK (change_minor IS NULL OR change_minor >= 0),
    reference TEXT NOT NULL DEFAULT '',
    refund_of_payment_id INTEGER REFERENCES payments (id),
    reason TEXT NOT NULL DEFAULT '',
    approved_by_staff_id INTEGER REFERENCES staff (id),
    cash_session_id INTEGER REFERENCES cash_sessions (id),
    CHECK ((kind = 'refund') = (refund_of_payment_id IS NOT NULL)),
    CHECK ((method = 'cash') = (cash_session_id IS NOT NULL))
  ) STRICT`,
  `CREATE INDEX payments_ticket ON payments (ticket_id, id)`,
  `CREATE INDEX payments_date ON payments (business_date, method)`,
  `CREATE INDEX payments_refund_of ON payments (refund_of_payment_id) WHERE refund_of_payment_id IS NOT NULL`,
  `CREATE INDEX payments_cash_session ON payments (cash_session_id) WHERE cash_session_id IS NOT NULL`,
  `CREATE TABLE cash_movements (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES cash_sessions (id),
    at_ms INTEGER NOT NULL,
    business_date TEXT NOT NULL,
    staff_id INTEGER NOT NULL REFERENCES staff (id),
    kind TEXT NOT NULL CHECK (kind IN ('paid_in', 'paid_out')),
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    reason TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX cash_movements_session ON cash_movements (session_id, id)`,
  // A hand-back with money still owed needs the owner's approval; the reason is kept on the ticket.
  `ALTER TABLE tickets ADD COLUMN collect_override_note TEXT`,
  ...appendOnly('payments'),
  ...appendOnly('cash_sessions'),
  ...appendOnly('cash_closings'),
  ...appendOnly('cash_movements'),
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
