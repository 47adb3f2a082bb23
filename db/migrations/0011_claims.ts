import { sql, type Kysely } from 'kysely'

// Warranty claims. A manufacturer's claim rules live on its row (labour per repair tier, markup on
// shop-stock parts, required fields, export profile). A claim is built when a warranty ticket is
// completed: one row per ticket holding its current snapshot, the parts lines it claims, and an
// append-only history of every change. While a claim is still the shop's own (draft, ready,
// rejected) its fields may change; from `batched` on it is what the manufacturer was sent, and
// triggers refuse any change to it or its lines, whoever asks. Frozen once landed.

const editable = `('draft', 'ready', 'rejected')`

// The export profile a manufacturer starts with: every claim field under its own name, CSV and JSON.
const defaultExportProfile = JSON.stringify({
  formats: ['csv', 'json'],
  csvBom: false,
  columns: [
    'claim_number', 'revision', 'ticket_number', 'manufacturer_code', 'model_code', 'model_name', 'imei', 'serial',
    'purchase_date', 'proof_of_purchase_ref', 'customer_name', 'customer_phone', 'received_date', 'repair_started_date',
    'completed_date', 'condition_code', 'symptom_code', 'defect_code', 'repair_code', 'repair_tier', 'technician',
    'labour_amount', 'parts_amount', 'total_amount', 'parts',
  ].map((field) => ({ field, header: field })),
})
const defaultRequiredFields = JSON.stringify(['imei_or_serial', 'purchase_date', 'fault_codes'])

// The snapshot columns: what a frozen claim must keep as it was sent.
const snapshotColumns = [
  'model_id', 'imei', 'serial', 'purchase_date', 'proof_of_purchase_ref', 'customer_name', 'customer_phone',
  'received_date', 'repair_started_date', 'completed_date', 'condition_code', 'symptom_code', 'defect_code',
  'repair_code', 'repair_tier', 'technician_staff_id', 'parts_markup_bp', 'labour_minor', 'parts_minor', 'total_minor',
].join(', ')

const dateCheck = (column: string, nullable = false) =>
  `CHECK (${nullable ? `${column} IS NULL OR ` : ''}${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')`

const statements = [
  // Labour rates: NULL = not set yet (a claim of that tier cannot be ready until it is).
  `ALTER TABLE manufacturers ADD COLUMN labour_l1_minor INTEGER CHECK (labour_l1_minor IS NULL OR labour_l1_minor >= 0)`,
  `ALTER TABLE manufacturers ADD COLUMN labour_l2_minor INTEGER CHECK (labour_l2_minor IS NULL OR labour_l2_minor >= 0)`,
  `ALTER TABLE manufacturers ADD COLUMN labour_l3_minor INTEGER CHECK (labour_l3_minor IS NULL OR labour_l3_minor >= 0)`,
  `ALTER TABLE manufacturers ADD COLUMN parts_markup_bp INTEGER NOT NULL DEFAULT 0 CHECK (parts_markup_bp BETWEEN 0 AND 10000)`,
  `ALTER TABLE manufacturers ADD COLUMN required_claim_fields_json TEXT NOT NULL DEFAULT '${defaultRequiredFields}' CHECK (json_valid(required_claim_fields_json) AND json_type(required_claim_fields_json) = 'array')`,
  `ALTER TABLE manufacturers ADD COLUMN export_profile_json TEXT NOT NULL DEFAULT '${defaultExportProfile}' CHECK (json_valid(export_profile_json) AND json_type(export_profile_json) = 'object')`,
  `CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    ticket_id INTEGER NOT NULL UNIQUE REFERENCES tickets (id),
    manufacturer_id INTEGER NOT NULL REFERENCES manufacturers (id),
    status TEXT NOT NULL CHECK (status IN ('draft', 'ready', 'batched', 'submitted', 'accepted', 'rejected', 'paid')),
    revision INTEGER NOT NULL DEFAULT 1 CHECK (revision > 0),
    model_id INTEGER NOT NULL REFERENCES device_models (id),
    imei TEXT CHECK (imei IS NULL OR (length(imei) = 15 AND imei NOT GLOB '*[^0-9]*')),
    serial TEXT,
    purchase_date TEXT ${dateCheck('purchase_date', true)},
    proof_of_purchase_ref TEXT NOT NULL DEFAULT '',
    customer_name TEXT NOT NULL,
    customer_phone TEXT NOT NULL DEFAULT '',
    received_date TEXT NOT NULL ${dateCheck('received_date')},
    repair_started_date TEXT NOT NULL ${dateCheck('repair_started_date')},
    completed_date TEXT NOT NULL ${dateCheck('completed_date')},
    condition_code TEXT NOT NULL,
    symptom_code TEXT NOT NULL,
    defect_code TEXT NOT NULL,
    repair_code TEXT NOT NULL,
    repair_tier TEXT NOT NULL CHECK (repair_tier IN ('L1', 'L2', 'L3')),
    technician_staff_id INTEGER NOT NULL REFERENCES staff (id),
    parts_markup_bp INTEGER NOT NULL CHECK (parts_markup_bp BETWEEN 0 AND 10000),
    labour_minor INTEGER NOT NULL CHECK (labour_minor >= 0),
    parts_minor INTEGER NOT NULL CHECK (parts_minor >= 0),
    total_minor INTEGER NOT NULL CHECK (total_minor = labour_minor + parts_minor),
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL
  ) STRICT`,
  `CREATE INDEX claims_status ON claims (status, id)`,
  `CREATE INDEX claims_maker ON claims (manufacturer_id, id)`,
  `CREATE INDEX claims_maker_status ON claims (manufacturer_id, status, id)`,
  // The parts a claim asks to be paid for: one line per part used on the ticket (less what came back).
  `CREATE TABLE claim_lines (
    claim_id INTEGER NOT NULL REFERENCES claims (id),
    position INTEGER NOT NULL CHECK (position >= 0),
    consume_movement_id INTEGER NOT NULL REFERENCES stock_movements (id),
    part_id INTEGER NOT NULL REFERENCES parts (id),
    part_number TEXT NOT NULL,
    part_name TEXT NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    pool TEXT NOT NULL CHECK (pool = 'shop' OR pool GLOB 'consigned:[0-9]*'),
    serialized INTEGER NOT NULL CHECK (serialized IN (0, 1)),
    old_serial TEXT,
    new_serial TEXT,
    return_required INTEGER NOT NULL CHECK (return_required IN (0, 1)),
    defective_part_id INTEGER REFERENCES defective_parts (id),
    unit_cost_minor INTEGER NOT NULL CHECK (unit_cost_minor >= 0),
    amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
    PRIMARY KEY (claim_id, position),
    UNIQUE (claim_id, consume_movement_id)
  ) STRICT, WITHOUT ROWID`,
  `CREATE TABLE claim_events (
    id INTEGER PRIMARY KEY,
    claim_id INTEGER NOT NULL REFERENCES claims (id),
    at_ms INTEGER NOT NULL,
    staff_id INTEGER NOT NULL REFERENCES staff (id),
    kind TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT,
    revision INTEGER NOT NULL CHECK (revision > 0),
    note TEXT NOT NULL DEFAULT '',
    data_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data_json))
  ) STRICT`,
  `CREATE INDEX claim_events_claim ON claim_events (claim_id, id)`,
  // A claim names its ticket, manufacturer and number for life, and is never removed.
  `CREATE TRIGGER claims_identity BEFORE UPDATE OF number, ticket_id, manufacturer_id ON claims
    BEGIN SELECT RAISE(ABORT, 'a claim keeps its number, ticket and manufacturer'); END`,
  `CREATE TRIGGER claims_no_delete BEFORE DELETE ON claims
    BEGIN SELECT RAISE(ABORT, 'claims are never deleted'); END`,
  `CREATE TRIGGER claims_frozen BEFORE UPDATE OF ${snapshotColumns} ON claims WHEN OLD.status NOT IN ${editable}
    BEGIN SELECT RAISE(ABORT, 'a batched or submitted claim cannot change'); END`,
  ...['INSERT', 'UPDATE', 'DELETE'].map(
    (op) => `CREATE TRIGGER claim_lines_frozen_${op.toLowerCase()} BEFORE ${op} ON claim_lines
      WHEN (SELECT status FROM claims WHERE id = ${op === 'INSERT' ? 'NEW' : 'OLD'}.claim_id) NOT IN ${editable}
      BEGIN SELECT RAISE(ABORT, 'a batched or submitted claim cannot change'); END`,
  ),
  ...['UPDATE', 'DELETE'].map(
    (op) => `CREATE TRIGGER claim_events_no_${op.toLowerCase()} BEFORE ${op} ON claim_events
      BEGIN SELECT RAISE(ABORT, 'claim_events is append-only'); END`,
  ),
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
