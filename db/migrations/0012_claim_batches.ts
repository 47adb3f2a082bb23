import { sql, type Kysely } from 'kysely'

// Claim batches: a set of ready claims of one manufacturer, frozen together to be sent. The batch
// keeps its own copy of the export profile and of every claim's exported fields as they were when
// batched, so an export made later (after the rules or anything else changed) is byte-identical.
// Batches are never removed and their frozen contents never change; only the status moves on.
// A claim is in at most one open batch, whoever writes. Frozen once landed.

const statements = [
  `CREATE TABLE claim_batches (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    manufacturer_id INTEGER NOT NULL REFERENCES manufacturers (id),
    manufacturer_code TEXT NOT NULL,
    manufacturer_name TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'submitted', 'closed')),
    currency TEXT NOT NULL,
    claim_count INTEGER NOT NULL CHECK (claim_count > 0),
    labour_minor INTEGER NOT NULL CHECK (labour_minor >= 0),
    parts_minor INTEGER NOT NULL CHECK (parts_minor >= 0),
    total_minor INTEGER NOT NULL CHECK (total_minor = labour_minor + parts_minor),
    export_profile_json TEXT NOT NULL CHECK (json_valid(export_profile_json) AND json_type(export_profile_json) = 'object'),
    note TEXT NOT NULL DEFAULT '',
    created_by_staff_id INTEGER NOT NULL REFERENCES staff (id),
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL
  ) STRICT`,
  `CREATE INDEX claim_batches_maker ON claim_batches (manufacturer_id, id)`,
  `CREATE INDEX claim_batches_status ON claim_batches (status, id)`,
  `CREATE INDEX claim_batches_maker_status ON claim_batches (manufacturer_id, status, id)`,
  // One row per claim in the batch: the claim's revision and its exported fields, frozen.
  `CREATE TABLE claim_batch_items (
    batch_id INTEGER NOT NULL REFERENCES claim_batches (id),
    position INTEGER NOT NULL CHECK (position >= 0),
    claim_id INTEGER NOT NULL REFERENCES claims (id),
    claim_revision INTEGER NOT NULL CHECK (claim_revision > 0),
    labour_minor INTEGER NOT NULL CHECK (labour_minor >= 0),
    parts_minor INTEGER NOT NULL CHECK (parts_minor >= 0),
    total_minor INTEGER NOT NULL CHECK (total_minor = labour_minor + parts_minor),
    fields_json TEXT NOT NULL CHECK (json_valid(fields_json) AND json_type(fields_json) = 'object'),
    PRIMARY KEY (batch_id, position),
    UNIQUE (batch_id, claim_id)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX claim_batch_items_claim ON claim_batch_items (claim_id, batch_id)`,
  `CREATE TRIGGER claim_batches_no_delete BEFORE DELETE ON claim_batches
    BEGIN SELECT RAISE(ABORT, 'claim batches are never deleted'); END`,
  `CREATE TRIGGER claim_batches_frozen BEFORE UPDATE OF id, number, manufacturer_id, manufacturer_code, manufacturer_name, currency,
    claim_count, labour_minor, parts_minor, total_minor, export_profile_json, note, created_by_staff_id, created_at_ms ON claim_batches
    BEGIN SELECT RAISE(ABORT, 'a claim batch keeps what it froze'); END`,
  ...['UPDATE', 'DELETE'].map(
    (op) => `CREATE TRIGGER claim_batch_items_no_${op.toLowerCase()} BEFORE ${op} ON claim_batch_items
      BEGIN SELECT RAISE(ABORT, 'claim_batch_items is append-only'); END`,
  ),
  `CREATE TRIGGER claim_batch_items_one_open BEFORE INSERT ON claim_batch_items
    WHEN EXISTS (SELECT 1 FROM claim_batch_items i JOIN claim_batches b ON b.id = i.batch_id WHERE i.claim_id = NEW.claim_id AND b.status = 'open')
    BEGIN SELECT RAISE(ABORT, 'a claim is in at most one open batch'); END`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
