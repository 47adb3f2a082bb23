import { sql, type Kysely } from 'kysely'

// Parts and the stock ledger. Stock movements are the truth (append-only, signed quantities);
// stock_levels is their running sum per part and pool, kept by a trigger in the same statement
// (insert a zero row, then add: an upsert would check the CHECK against the bare movement first),
// with a CHECK that makes a negative quantity on hand impossible even for a buggy caller.
// Defective parts removed in warranty repairs are owed to their manufacturer until shipped back
// (an RMA shipment item) — both append-only. Frozen once landed.

const appendOnly = (table: string) =>
  ['UPDATE', 'DELETE'].map(
    (op) => `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table}
      BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
  )

// A pool key: 'shop', 'defective' or 'consigned:<manufacturer id>'.
const poolKeyCheck = `(pool = 'shop' AND pool_manufacturer_id IS NULL)
  OR (pool = 'defective' AND pool_manufacturer_id IS NULL)
  OR (pool = 'consigned:' || pool_manufacturer_id AND pool_manufacturer_id IS NOT NULL)`

const statements = [
  // Whether this manufacturer lets its warranty repairs use the shop's own stock when its
  // consigned pool is empty (the shop then claims the part at cost + N %).
  `ALTER TABLE manufacturers ADD COLUMN shop_stock_for_warranty INTEGER NOT NULL DEFAULT 1 CHECK (shop_stock_for_warranty IN (0, 1))`,
  `CREATE TABLE parts (
    id INTEGER PRIMARY KEY,
    sku TEXT NOT NULL COLLATE NOCASE UNIQUE,
    manufacturer_part_number TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL,
    sell_price_minor INTEGER NOT NULL CHECK (sell_price_minor >= 0),
    average_cost_minor INTEGER NOT NULL DEFAULT 0 CHECK (average_cost_minor >= 0),
    reorder_point INTEGER NOT NULL DEFAULT 0 CHECK (reorder_point >= 0),
    bin_location TEXT NOT NULL DEFAULT '',
    serialized INTEGER NOT NULL DEFAULT 0 CHECK (serialized IN (0, 1)),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    search_text TEXT NOT NULL DEFAULT '',
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL
  ) STRICT`,
  `CREATE TABLE part_models (
    part_id INTEGER NOT NULL REFERENCES parts (id),
    model_id INTEGER NOT NULL REFERENCES device_models (id),
    PRIMARY KEY (part_id, model_id)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX part_models_model ON part_models (model_id, part_id)`,
  `CREATE TABLE stock_movements (
    id INTEGER PRIMARY KEY,
    at_ms INTEGER NOT NULL,
    business_date TEXT NOT NULL,
    staff_id INTEGER NOT NULL REFERENCES staff (id),
    part_id INTEGER NOT NULL REFERENCES parts (id),
    pool TEXT NOT NULL,
    pool_manufacturer_id INTEGER REFERENCES manufacturers (id),
    kind TEXT NOT NULL CHECK (kind IN ('receive', 'consume', 'return', 'transfer', 'adjust', 'stocktake', 'defective_in', 'rma_out', 'scrap')),
    quantity INTEGER NOT NULL CHECK (quantity <> 0),
    unit_cost_minor INTEGER CHECK (unit_cost_minor IS NULL OR unit_cost_minor >= 0),
    ticket_id INTEGER REFERENCES tickets (id),
    reverses_movement_id INTEGER REFERENCES stock_movements (id),
    group_id INTEGER NOT NULL,
    supplier TEXT NOT NULL DEFAULT '',
    reference TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    serial TEXT,
    old_serial TEXT,
    CHECK (${poolKeyCheck})
  ) STRICT`,
  `CREATE INDEX stock_movements_part ON stock_movements (part_id, id)`,
  `CREATE INDEX stock_movements_ticket ON stock_movements (ticket_id, id) WHERE ticket_id IS NOT NULL`,
  `CREATE INDEX stock_movements_date ON stock_movements (business_date, kind)`,
  `CREATE INDEX stock_movements_reverses ON stock_movements (reverses_movement_id) WHERE reverses_movement_id IS NOT NULL`,
  `CREATE TABLE stock_levels (
    part_id INTEGER NOT NULL REFERENCES parts (id),
    pool TEXT NOT NULL,
    on_hand INTEGER NOT NULL CHECK (on_hand >= 0),
    PRIMARY KEY (part_id, pool)
  ) STRICT, WITHOUT ROWID`,
  `CREATE TRIGGER stock_movements_level AFTER INSERT ON stock_movements
    BEGIN
      INSERT OR IGNORE INTO stock_levels (part_id, pool, on_hand) VALUES (NEW.part_id, NEW.pool, 0);
      UPDATE stock_levels SET on_hand = on_hand + NEW.quantity WHERE part_id = NEW.part_id AND pool = NEW.pool;
    END`,
  // Movements of one operation share a group id: the first movement's id.
  `CREATE TABLE defective_parts (
    id INTEGER PRIMARY KEY,
    part_id INTEGER NOT NULL REFERENCES parts (id),
    ticket_id INTEGER NOT NULL REFERENCES tickets (id),
    manufacturer_id INTEGER NOT NULL REFERENCES manufacturers (id),
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    old_serial TEXT,
    consumed_movement_id INTEGER NOT NULL REFERENCES stock_movements (id),
    movement_id INTEGER NOT NULL REFERENCES stock_movements (id),
    removed_at_ms INTEGER NOT NULL,
    return_by_date TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX defective_parts_owed ON defective_parts (manufacturer_id, return_by_date)`,
  `CREATE INDEX defective_parts_ticket ON defective_parts (ticket_id)`,
  `CREATE INDEX defective_parts_consume ON defective_parts (consumed_movement_id)`,
  `CREATE TABLE rma_shipments (
    id INTEGER PRIMARY KEY,
    manufacturer_id INTEGER NOT NULL REFERENCES manufacturers (id),
    at_ms INTEGER NOT NULL,
    business_date TEXT NOT NULL,
    staff_id INTEGER NOT NULL REFERENCES staff (id),
    carrier TEXT NOT NULL,
    tracking_number TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
  ) STRICT`,
  `CREATE TABLE rma_shipment_items (
    shipment_id INTEGER NOT NULL REFERENCES rma_shipments (id),
    defective_part_id INTEGER NOT NULL UNIQUE REFERENCES defective_parts (id),
    movement_id INTEGER NOT NULL REFERENCES stock_movements (id),
    PRIMARY KEY (shipment_id, defective_part_id)
  ) STRICT, WITHOUT ROWID`,
  // A paid estimate's part line may name the catalogue part it quotes.
  `ALTER TABLE estimate_lines ADD COLUMN part_id INTEGER REFERENCES parts (id)`,
  ...appendOnly('stock_movements'),
  ...appendOnly('defective_parts'),
  ...appendOnly('rma_shipments'),
  ...appendOnly('rma_shipment_items'),
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
