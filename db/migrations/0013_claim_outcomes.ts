import { sql, type Kysely } from 'kysely'

// What comes back from manufacturers, and the outbox that sends them batches. Frozen once landed.
// - A claim keeps the current revision's answer (approved amount, reference, reason) and what has
//   been paid on it; its history of answers is in claim_events.
// - Remittances: one payment advice from a manufacturer, paying many claims; its lines are
//   append-only (a line entered in error is reversed by a negative line), and keep claims.paid_minor
//   by trigger.
// - claim_receivables: every change to what manufacturers owe, with the running balance checked by
//   trigger, so "owed at the end of any day" is one index seek rather than a replay of history.
// - sync_outbox / sync_attempts: a batch queued for a manufacturer's endpoint, one row per batch
//   (so one Idempotency-Key per batch, for life), and every attempt to send it.

const dateCheck = (column: string) => `CHECK (${column} IS NULL OR ${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')`

const appendOnly = (table: string) =>
  ['UPDATE', 'DELETE'].map(
    (op) => `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table}
      BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
  )

const statements = [
  `ALTER TABLE manufacturers ADD COLUMN sync_url TEXT CHECK (sync_url IS NULL OR sync_url GLOB 'http*://*')`,
  // Sealed with the operating system's key store (Electron safeStorage) or the shop's key file.
  `ALTER TABLE manufacturers ADD COLUMN sync_token_sealed TEXT`,
  `ALTER TABLE claims ADD COLUMN approved_minor INTEGER CHECK (approved_minor IS NULL OR approved_minor >= 0)`,
  `ALTER TABLE claims ADD COLUMN paid_minor INTEGER NOT NULL DEFAULT 0 CHECK (paid_minor >= 0)`,
  `ALTER TABLE claims ADD COLUMN manufacturer_ref TEXT NOT NULL DEFAULT ''`,
  `ALTER TABLE claims ADD COLUMN rejection_reason TEXT NOT NULL DEFAULT ''`,
  `ALTER TABLE claims ADD COLUMN submitted_date TEXT ${dateCheck('submitted_date')}`,
  `ALTER TABLE claims ADD COLUMN decided_date TEXT ${dateCheck('decided_date')}`,
  `ALTER TABLE claims ADD COLUMN paid_date TEXT ${dateCheck('paid_date')}`,
  `ALTER TABLE claim_batches ADD COLUMN submitted_reference TEXT NOT NULL DEFAULT ''`,
  `ALTER TABLE claim_batches ADD COLUMN submitted_at_ms INTEGER`,
  `CREATE INDEX claim_events_kind_at ON claim_events (kind, at_ms)`,
  // Claims changed after a given instant: the ones whose state at that instant must be read from events.
  `CREATE INDEX claims_updated ON claims (updated_at_ms)`,
  `CREATE TABLE claim_remittances (
    id INTEGER PRIMARY KEY,
    manufacturer_id INTEGER NOT NULL REFERENCES manufacturers (id),
    reference TEXT NOT NULL CHECK (length(reference) > 0),
    paid_date TEXT NOT NULL ${dateCheck('paid_date')},
    note TEXT NOT NULL DEFAULT '',
    line_count INTEGER NOT NULL CHECK (line_count > 0),
    total_minor INTEGER NOT NULL,
    staff_id INTEGER NOT NULL REFERENCES staff (id),
    at_ms INTEGER NOT NULL,
    UNIQUE (manufacturer_id, reference)
  ) STRICT`,
  `CREATE INDEX claim_remittances_maker ON claim_remittances (manufacturer_id, id)`,
  `CREATE INDEX claim_remittances_at ON claim_remittances (at_ms)`,
  `CREATE TABLE claim_payments (
    id INTEGER PRIMARY KEY,
    remittance_id INTEGER NOT NULL REFERENCES claim_remittances (id),
    claim_id INTEGER NOT NULL REFERENCES claims (id),
    claim_revision INTEGER NOT NULL CHECK (claim_revision > 0),
    amount_minor INTEGER NOT NULL CHECK (amount_minor <> 0),
    at_ms INTEGER NOT NULL,
    UNIQUE (remittance_id, claim_id)
  ) STRICT`,
  `CREATE INDEX claim_payments_claim ON claim_payments (claim_id, id)`,
  `CREATE INDEX claim_payments_at ON claim_payments (at_ms)`,
  ...appendOnly('claim_remittances'),
  ...appendOnly('claim_payments'),
  `CREATE TRIGGER claim_payments_paid AFTER INSERT ON claim_payments
    BEGIN UPDATE claims SET paid_minor = paid_minor + NEW.amount_minor WHERE id = NEW.claim_id; END`,
  `CREATE TABLE claim_receivables (
    id INTEGER PRIMARY KEY,
    claim_id INTEGER NOT NULL REFERENCES claims (id),
    at_ms INTEGER NOT NULL,
    delta_minor INTEGER NOT NULL,
    balance_minor INTEGER NOT NULL CHECK (balance_minor >= 0)
  ) STRICT`,
  `CREATE INDEX claim_receivables_at ON claim_receivables (at_ms, id)`,
  ...appendOnly('claim_receivables'),
  `CREATE TRIGGER claim_receivables_running BEFORE INSERT ON claim_receivables
    WHEN NEW.balance_minor IS NOT coalesce((SELECT balance_minor FROM claim_receivables ORDER BY id DESC LIMIT 1), 0) + NEW.delta_minor
      OR NEW.at_ms < coalesce((SELECT at_ms FROM claim_receivables ORDER BY id DESC LIMIT 1), 0)
    BEGIN SELECT RAISE(ABORT, 'claim_receivables must continue the running balance in time order'); END`,
  `CREATE TABLE sync_outbox (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL UNIQUE REFERENCES claim_batches (id),
    manufacturer_id INTEGER NOT NULL REFERENCES manufacturers (id),
    idempotency_key TEXT NOT NULL UNIQUE,
    payload_json TEXT NOT NULL CHECK (json_valid(payload_json)),
    status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'acknowledged', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at_ms INTEGER,
    last_error TEXT NOT NULL DEFAULT '',
    last_http_status INTEGER,
    ack_json TEXT CHECK (ack_json IS NULL OR json_valid(ack_json)),
    created_by_staff_id INTEGER NOT NULL REFERENCES staff (id),
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL,
    acknowledged_at_ms INTEGER
  ) STRICT`,
  `CREATE INDEX sync_outbox_due ON sync_outbox (status, next_attempt_at_ms)`,
  `CREATE TRIGGER sync_outbox_no_delete BEFORE DELETE ON sync_outbox
    BEGIN SELECT RAISE(ABORT, 'the sync outbox keeps every batch it was given'); END`,
  // What is sent, and under which key, never changes; an acknowledgement is recorded once.
  `CREATE TRIGGER sync_outbox_frozen BEFORE UPDATE OF batch_id, manufacturer_id, idempotency_key, payload_json, created_by_staff_id, created_at_ms ON sync_outbox
    BEGIN SELECT RAISE(ABORT, 'a queued batch is sent as it was queued'); END`,
  `CREATE TRIGGER sync_outbox_acknowledged_once BEFORE UPDATE ON sync_outbox WHEN OLD.status = 'acknowledged'
    BEGIN SELECT RAISE(ABORT, 'an acknowledged batch is never sent again'); END`,
  `CREATE TABLE sync_attempts (
    id INTEGER PRIMARY KEY,
    outbox_id INTEGER NOT NULL REFERENCES sync_outbox (id),
    attempt INTEGER NOT NULL CHECK (attempt > 0),
    started_at_ms INTEGER NOT NULL,
    finished_at_ms INTEGER NOT NULL,
    http_status INTEGER,
    result TEXT NOT NULL CHECK (result IN ('acknowledged', 'retry', 'failed')),
    error TEXT NOT NULL DEFAULT '',
    UNIQUE (outbox_id, attempt)
  ) STRICT`,
  ...appendOnly('sync_attempts'),
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
