import { sql, type Kysely } from 'kysely'

// Intake and the ticket book: warranty details and collection dates on tickets, never-reused
// ticket numbers, and trigram full-text indexes for the counter's search box.
// Frozen once landed.

const ticketSearchRow = `
  SELECT t.id, t.number, c.name, c.phone, coalesce(d.imei, ''), coalesce(d.serial, ''),
         mf.name || ' ' || dm.marketing_name || ' ' || dm.model_code
  FROM tickets t
  JOIN customers c ON c.id = t.customer_id
  JOIN devices d ON d.id = t.device_id
  JOIN device_models dm ON dm.id = d.model_id
  JOIN manufacturers mf ON mf.id = dm.manufacturer_id`

const statements = [
  `ALTER TABLE tickets ADD COLUMN warranty_ends_on TEXT`,
  `ALTER TABLE tickets ADD COLUMN warranty_override_note TEXT`,
  `ALTER TABLE tickets ADD COLUMN collected_at_ms INTEGER`,
  `ALTER TABLE tickets ADD COLUMN collected_business_date TEXT`,
  `CREATE INDEX tickets_assigned ON tickets (assigned_staff_id) WHERE assigned_staff_id IS NOT NULL`,
  `CREATE INDEX tickets_device_collected ON tickets (device_id, collected_business_date)`,
  `CREATE INDEX customers_name ON customers (name COLLATE NOCASE)`,
  // One row per month prefix (R2611); the sequence only ever goes up, so numbers are never reused.
  `CREATE TABLE ticket_number_counters (
    prefix TEXT PRIMARY KEY,
    last_sequence INTEGER NOT NULL CHECK (last_sequence > 0)
  ) STRICT`,
  // Trigram indexes find any 3+ character substring: the last four digits of a phone, part of an
  // IMEI, a Chinese name. rowid is the ticket / customer id.
  `CREATE VIRTUAL TABLE ticket_search USING fts5(number, customer_name, phone, imei, serial, model, tokenize = 'trigram')`,
  `INSERT INTO ticket_search (rowid, number, customer_name, phone, imei, serial, model) ${ticketSearchRow}`,
  `CREATE TRIGGER ticket_search_insert AFTER INSERT ON tickets BEGIN
     INSERT INTO ticket_search (rowid, number, customer_name, phone, imei, serial, model) ${ticketSearchRow} WHERE t.id = new.id;
   END`,
  `CREATE TRIGGER ticket_search_customer AFTER UPDATE OF name, phone ON customers BEGIN
     UPDATE ticket_search SET customer_name = new.name, phone = new.phone
     WHERE rowid IN (SELECT id FROM tickets WHERE customer_id = new.id);
   END`,
  `CREATE TRIGGER ticket_search_device AFTER UPDATE OF imei, serial ON devices BEGIN
     UPDATE ticket_search SET imei = coalesce(new.imei, ''), serial = coalesce(new.serial, '')
     WHERE rowid IN (SELECT id FROM tickets WHERE device_id = new.id);
   END`,
  `CREATE VIRTUAL TABLE customer_search USING fts5(name, phone, tokenize = 'trigram')`,
  `INSERT INTO customer_search (rowid, name, phone) SELECT id, name, phone FROM customers`,
  `CREATE TRIGGER customer_search_insert AFTER INSERT ON customers BEGIN
     INSERT INTO customer_search (rowid, name, phone) VALUES (new.id, new.name, new.phone);
   END`,
  `CREATE TRIGGER customer_search_update AFTER UPDATE OF name, phone ON customers BEGIN
     UPDATE customer_search SET name = new.name, phone = new.phone WHERE rowid = new.id;
   END`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
