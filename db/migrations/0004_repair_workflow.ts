import { sql, type Kysely } from 'kysely'
import { defaultFaultCodes } from '../../shared/fault-codes'

// The repair workflow: diagnosis, estimates, the customer's decision, repair, hand-back.
// Diagnoses and estimates are append-only revisions; the ticket row carries the current state
// and the moments reports need (turnaround, first-time fix). Frozen once landed.

const appendOnly = (table: string) =>
  ['UPDATE', 'DELETE'].map(
    (op) => `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table}
      BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
  )

const statements = [
  `ALTER TABLE tickets ADD COLUMN diagnosed_at_ms INTEGER`,
  `ALTER TABLE tickets ADD COLUMN repair_tier TEXT CHECK (repair_tier IS NULL OR repair_tier IN ('L1', 'L2', 'L3'))`,
  `ALTER TABLE tickets ADD COLUMN customer_decision TEXT CHECK (customer_decision IS NULL OR customer_decision IN ('approved', 'declined'))`,
  `ALTER TABLE tickets ADD COLUMN decision_via TEXT`,
  `ALTER TABLE tickets ADD COLUMN decided_at_ms INTEGER`,
  `ALTER TABLE tickets ADD COLUMN decided_by_staff_id INTEGER REFERENCES staff (id)`,
  `ALTER TABLE tickets ADD COLUMN diagnosis_fee_minor INTEGER CHECK (diagnosis_fee_minor IS NULL OR diagnosis_fee_minor >= 0)`,
  `ALTER TABLE tickets ADD COLUMN repair_started_at_ms INTEGER`,
  `ALTER TABLE tickets ADD COLUMN completed_at_ms INTEGER`,
  `ALTER TABLE tickets ADD COLUMN completed_business_date TEXT`,
  `ALTER TABLE tickets ADD COLUMN work_done TEXT`,
  `ALTER TABLE tickets ADD COLUMN test_result TEXT CHECK (test_result IS NULL OR test_result IN ('passed', 'passed_with_notes', 'failed'))`,
  `ALTER TABLE tickets ADD COLUMN ready_at_ms INTEGER`,
  `ALTER TABLE tickets ADD COLUMN contacted_via TEXT`,
  `ALTER TABLE tickets ADD COLUMN outcome TEXT CHECK (outcome IS NULL OR outcome IN ('repaired', 'unrepaired'))`,
  `ALTER TABLE tickets ADD COLUMN collected_by TEXT`,
  `ALTER TABLE tickets ADD COLUMN cancelled_at_ms INTEGER`,
  `ALTER TABLE tickets ADD COLUMN cancel_reason TEXT`,
  `CREATE TABLE diagnoses (
    id INTEGER PRIMARY KEY,
    ticket_id INTEGER NOT NULL REFERENCES tickets (id),
    at_ms INTEGER NOT NULL,
    staff_id INTEGER NOT NULL REFERENCES staff (id),
    findings TEXT NOT NULL,
    condition_code TEXT NOT NULL,
    symptom_code TEXT NOT NULL,
    defect_code TEXT NOT NULL,
    repair_code TEXT NOT NULL,
    repair_tier TEXT NOT NULL CHECK (repair_tier IN ('L1', 'L2', 'L3')),
    warranty_decision TEXT NOT NULL CHECK (warranty_decision IN ('confirmed', 'voided', 'not_applicable')),
    void_reason TEXT,
    note TEXT NOT NULL DEFAULT ''
  ) STRICT`,
  `CREATE INDEX diagnoses_ticket ON diagnoses (ticket_id, id)`,
  `CREATE TABLE estimates (
    id INTEGER PRIMARY KEY,
    ticket_id INTEGER NOT NULL REFERENCES tickets (id),
    revision INTEGER NOT NULL CHECK (revision > 0),
    at_ms INTEGER NOT NULL,
    staff_id INTEGER NOT NULL REFERENCES staff (id),
    lines_minor INTEGER NOT NULL CHECK (lines_minor >= 0),
    net_minor INTEGER NOT NULL,
    tax_minor INTEGER NOT NULL CHECK (tax_minor >= 0),
    total_minor INTEGER NOT NULL CHECK (total_minor >= 0),
    tax_rate_bp INTEGER NOT NULL,
    prices_include_tax INTEGER NOT NULL CHECK (prices_include_tax IN (0, 1)),
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (ticket_id, revision)
  ) STRICT`,
  `CREATE TABLE estimate_lines (
    id INTEGER PRIMARY KEY,
    estimate_id INTEGER NOT NULL REFERENCES estimates (id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('labour', 'part', 'fee')),
    description TEXT NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    unit_price_minor INTEGER NOT NULL CHECK (unit_price_minor >= 0),
    line_total_minor INTEGER NOT NULL CHECK (line_total_minor >= 0),
    UNIQUE (estimate_id, position)
  ) STRICT`,
  `CREATE TABLE fault_codes (
    id INTEGER PRIMARY KEY,
    manufacturer_id INTEGER NOT NULL REFERENCES manufacturers (id),
    kind TEXT NOT NULL CHECK (kind IN ('condition', 'symptom', 'defect', 'repair')),
    code TEXT NOT NULL,
    description TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL,
    UNIQUE (manufacturer_id, kind, code)
  ) STRICT`,
  ...appendOnly('diagnoses'),
  ...appendOnly('estimates'),
  ...appendOnly('estimate_lines'),
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
  // Every manufacturer already in the ledger gets the default code lists to start from.
  for (const [kind, codes] of Object.entries(defaultFaultCodes)) {
    for (const [code, description] of codes) {
      await sql`INSERT INTO fault_codes (manufacturer_id, kind, code, description, active, created_at_ms, updated_at_ms)
        SELECT id, ${kind}, ${code}, ${description}, 1, created_at_ms, created_at_ms FROM manufacturers`.execute(db)
    }
  }
}
