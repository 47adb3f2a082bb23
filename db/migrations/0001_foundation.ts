import { sql, type Kysely } from 'kysely'

// Frozen once landed: later changes go into a new migration file.
// Raw SQL because kysely's schema builder cannot declare STRICT tables or triggers.

const statements = [
  `CREATE TABLE settings (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    shop_name TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    tax_id TEXT NOT NULL DEFAULT '',
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    tax_rate_bp INTEGER NOT NULL DEFAULT 0 CHECK (tax_rate_bp BETWEEN 0 AND 10000),
    prices_include_tax INTEGER NOT NULL DEFAULT 1 CHECK (prices_include_tax IN (0, 1)),
    time_zone TEXT NOT NULL,
    locale TEXT NOT NULL,
    receipt_header TEXT NOT NULL DEFAULT '',
    receipt_footer TEXT NOT NULL DEFAULT '',
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL
  ) STRICT`,
  `CREATE TABLE staff (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('technician', 'owner')),
    pin_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    locale TEXT,
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL
  ) STRICT`,
  `CREATE UNIQUE INDEX staff_name_unique ON staff (name COLLATE NOCASE)`,
  `CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    email TEXT,
    kind TEXT NOT NULL DEFAULT 'consumer' CHECK (kind IN ('consumer', 'dealer')),
    notes TEXT NOT NULL DEFAULT '',
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL
  ) STRICT`,
  `CREATE INDEX customers_phone ON customers (phone)`,
  `CREATE TABLE manufacturers (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    warranty_months INTEGER NOT NULL DEFAULT 12 CHECK (warranty_months BETWEEN 0 AND 120),
    proof_required INTEGER NOT NULL DEFAULT 1 CHECK (proof_required IN (0, 1)),
    claim_window_days INTEGER NOT NULL DEFAULT 30 CHECK (claim_window_days >= 0),
    defective_return_days INTEGER NOT NULL DEFAULT 30 CHECK (defective_return_days >= 0),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL
  ) STRICT`,
  `CREATE TABLE device_models (
    id INTEGER PRIMARY KEY,
    manufacturer_id INTEGER NOT NULL REFERENCES manufacturers (id),
    model_code TEXT NOT NULL,
    marketing_name TEXT NOT NULL,
    category TEXT NOT NULL CHECK (category IN ('phone', 'tablet', 'laptop', 'wearable', 'other')),
    warranty_months INTEGER CHECK (warranty_months IS NULL OR warranty_months BETWEEN 0 AND 120),
    created_at_ms INTEGER NOT NULL,
    UNIQUE (manufacturer_id, model_code)
  ) STRICT`,
  `CREATE TABLE devices (
    id INTEGER PRIMARY KEY,
    model_id INTEGER NOT NULL REFERENCES device_models (id),
    imei TEXT CHECK (imei IS NULL OR (length(imei) = 15 AND imei NOT GLOB '*[^0-9]*')),
    serial TEXT,
    purchase_date TEXT CHECK (purchase_date IS NULL OR purchase_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    proof_of_purchase_ref TEXT,
    owner_customer_id INTEGER REFERENCES customers (id),
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL,
    CHECK (imei IS NOT NULL OR serial IS NOT NULL)
  ) STRICT`,
  `CREATE UNIQUE INDEX devices_imei_unique ON devices (imei) WHERE imei IS NOT NULL`,
  `CREATE INDEX devices_serial ON devices (serial) WHERE serial IS NOT NULL`,
  `CREATE TABLE tickets (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    device_id INTEGER NOT NULL REFERENCES devices (id),
    received_at_ms INTEGER NOT NULL,
    received_business_date TEXT NOT NULL,
    reported_fault TEXT NOT NULL,
    condition_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(condition_json)),
    condition_notes TEXT NOT NULL DEFAULT '',
    accessories_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(accessories_json)),
    passcode_provided INTEGER NOT NULL DEFAULT 0 CHECK (passcode_provided IN (0, 1)),
    promised_date TEXT,
    assigned_staff_id INTEGER REFERENCES staff (id),
    warranty_status TEXT NOT NULL CHECK (warranty_status IN ('in_warranty', 'out_of_warranty', 'void')),
    warranty_reason TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    repeat_of_ticket_id INTEGER REFERENCES tickets (id),
    notes TEXT NOT NULL DEFAULT '',
    created_by_staff_id INTEGER NOT NULL REFERENCES staff (id),
    updated_at_ms INTEGER NOT NULL
  ) STRICT`,
  `CREATE INDEX tickets_status ON tickets (status)`,
  `CREATE INDEX tickets_device ON tickets (device_id)`,
  `CREATE INDEX tickets_customer ON tickets (customer_id)`,
  `CREATE INDEX tickets_received_date ON tickets (received_business_date)`,
  `CREATE TABLE ticket_events (
    id INTEGER PRIMARY KEY,
    ticket_id INTEGER NOT NULL REFERENCES tickets (id),
    at_ms INTEGER NOT NULL,
    staff_id INTEGER NOT NULL REFERENCES staff (id),
    kind TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT,
    note TEXT NOT NULL DEFAULT '',
    data_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data_json))
  ) STRICT`,
  `CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id, at_ms)`,
  `CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at_ms INTEGER NOT NULL,
    staff_id INTEGER REFERENCES staff (id),
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    details_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details_json)),
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX audit_log_entity ON audit_log (entity, entity_id)`,
  // Append-only: history rows are corrected by new rows, never changed or removed.
  ...appendOnly('ticket_events'),
  ...appendOnly('audit_log'),
]

function appendOnly(table: string): string[] {
  return ['UPDATE', 'DELETE'].map(
    (op) => `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table}
      BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
  )
}

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
