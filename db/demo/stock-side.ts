import type Database from 'better-sqlite3'
import type { CatalogMaker, CatalogModel } from './catalog'
import type { PendingWrites } from './pending'
import { buildPartsCatalog } from './parts-catalog'
import type { Rng } from './random'
import { PartIndex } from './repair-parts'
import { StockDays, type StockStaff } from './stock-days'
import { StockRoom } from './stock-room'
import { StockWriter } from './stock-writer'
import { TicketStockWork } from './ticket-stock'
import type { DemoWriter } from './writer'

// Everything the shop simulation needs for parts and stock, wired once: the catalogue, the
// ledger writer, the daily stock work and the parts that go onto tickets. All of it draws from
// its own random streams, so the tickets come out as they would without a stock room.

export interface StockSide {
  index: PartIndex
  room: StockRoom
  days: StockDays
  tickets: TicketStockWork
  /** Chooses each ticket's parts at intake. */
  rng: Rng
  writer: StockWriter
}

export function stockSide(
  sqlite: Database.Database,
  ledger: DemoWriter,
  rng: Rng,
  pending: PendingWrites,
  models: CatalogModel[],
  makers: CatalogMaker[],
  staff: StockStaff,
  nowMs: number,
  startDay: number,
): StockSide {
  const parts = buildPartsCatalog(rng.fork('catalogue'), models, startDay)
  const writer = new StockWriter(sqlite)
  const room = new StockRoom(writer, ledger, new Map(makers.map((m) => [m.id, m])))
  const schedule = (atMs: number, write: () => void) => pending.schedule(atMs, write)
  return {
    index: new PartIndex(parts),
    room,
    days: new StockDays(room, rng.fork('days'), schedule, nowMs, parts, makers, staff),
    tickets: new TicketStockWork(room, rng.fork('tickets'), schedule, nowMs, parts),
    rng: rng.fork('repairs'),
    writer,
  }
}
