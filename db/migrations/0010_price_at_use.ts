import { sql, type Kysely } from 'kysely'

// A part used on a ticket keeps the sell price it had then, so a later catalogue change never
// rewrites a settled invoice or a past report. Movements of one operation are read by group. The
// defective parts still owed are kept in a small table by triggers (like stock_levels), so the
// RMA list never reads every part ever removed. Frozen once landed.

const statements = [
  `ALTER TABLE stock_movements ADD COLUMN unit_price_minor INTEGER CHECK (unit_price_minor IS NULL OR unit_price_minor >= 0)`,
  // Existing consumes get today's catalogue price, the best the ledger knows: the append-only
  // guard is lifted for this one backfill inside the migration's transaction.
  `DROP TRIGGER stock_movements_no_update`,
  `UPDATE stock_movements SET unit_price_minor = (SELECT sell_price_minor FROM parts p WHERE p.id = stock_movements.part_id) WHERE kind = 'consume'`,
  `CREATE TRIGGER stock_movements_no_update BEFORE UPDATE ON stock_movements
      BEGIN SELECT RAISE(ABORT, 'stock_movements is append-only'); END`,
  `CREATE INDEX stock_movements_group ON stock_movements (group_id, id)`,
  `CREATE TABLE rma_owed (
    defective_part_id INTEGER PRIMARY KEY REFERENCES defective_parts (id),
    manufacturer_id INTEGER NOT NULL REFERENCES manufacturers (id),
    return_by_date TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX rma_owed_maker ON rma_owed (manufacturer_id, return_by_date)`,
  `INSERT INTO rma_owed (defective_part_id, manufacturer_id, return_by_date)
     SELECT dp.id, dp.manufacturer_id, dp.return_by_date FROM defective_parts dp
     WHERE NOT EXISTS (SELECT 1 FROM rma_shipment_items si WHERE si.defective_part_id = dp.id)`,
  `CREATE TRIGGER defective_parts_owed AFTER INSERT ON defective_parts
    BEGIN INSERT INTO rma_owed (defective_part_id, manufacturer_id, return_by_date) VALUES (NEW.id, NEW.manufacturer_id, NEW.return_by_date); END`,
  `CREATE TRIGGER rma_shipment_items_settle AFTER INSERT ON rma_shipment_items
    BEGIN DELETE FROM rma_owed WHERE defective_part_id = NEW.defective_part_id; END`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
