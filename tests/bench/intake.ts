import type Database from 'better-sqlite3'
import { Rng } from '../../db/demo/random'
import { chineseName, phoneNumber } from '../../db/demo/vocabulary'
import { addDaysToDate } from '../../shared/dates'
import { imeiCheckDigit } from '../../shared/identifiers'
import type { InputOf } from '../../shared/contract'
import type { DemoClient } from './context'
import { floorIntake, type FloorIntake } from './floor-sql'
import { stats, type Row } from './measure'

// Durable intakes (WAL, synchronous=FULL) on the ledger file: new customers with new devices,
// and devices the shop has seen before. Each app intake is paired with a hand-written one.

type Kind = 'new' | 'known'

interface Pair {
  app: InputOf<'tickets.intake'>
  floor: Omit<FloorIntake, 'nowMs'>
}

export async function measureIntakes(sqlite: Database.Database, client: DemoClient, today: string, samples = 200): Promise<Row[]> {
  const rng = new Rng(7070)
  const imeis = new Set<string>()
  const imeiTaken = sqlite.prepare(`SELECT 1 FROM devices WHERE imei = ?`)
  const newImei = () => {
    for (;;) {
      const body = `99${rng.digits(12)}`
      const imei = body + imeiCheckDigit(body)
      if (!imeis.has(imei) && !imeiTaken.get(imei)) return imeis.add(imei) && imei
    }
  }
  const models = (sqlite.prepare(`SELECT id FROM device_models WHERE category != 'laptop'`).all() as { id: number }[]).map((m) => m.id)
  const { maxDevice } = sqlite.prepare(`SELECT max(id) AS maxDevice FROM devices`).get() as { maxDevice: number }
  const deviceSt = sqlite.prepare(`SELECT id, owner_customer_id AS owner FROM devices WHERE id = ?`)
  const technician = client.context.sessions.get(client.context.clientKey)?.staffId as number
  const sinceDate = addDaysToDate(today, -90)

  const pair = (kind: Kind): Pair => {
    const common = { reportedFault: '屏幕摔碎，触摸失灵', condition: ['screen_cracked' as const], accessories: ['case'], passcodeProvided: true, promisedDate: addDaysToDate(today, 3), assignedStaffId: technician }
    if (kind === 'known') {
      const d = deviceSt.get(rng.int(1, maxDevice)) as { id: number; owner: number }
      const other = deviceSt.get(rng.int(1, maxDevice)) as { id: number; owner: number }
      return { app: { ...common, customer: { id: d.owner }, device: { id: d.id } }, floor: { customer: { id: other.owner }, device: { id: other.id }, staffId: technician, today, sinceDate } }
    }
    const purchaseDate = addDaysToDate(today, -rng.int(10, 700))
    const modelId = rng.pick(models)
    return {
      app: {
        ...common,
        customer: { new: { name: chineseName(rng), phone: phoneNumber(rng) } },
        device: { new: { modelId, imei: newImei() }, purchaseDate, proofOfPurchaseRef: `FP${rng.digits(20)}` },
      },
      floor: {
        customer: { name: chineseName(rng), phone: phoneNumber(rng) },
        device: { modelId, imei: newImei(), purchaseDate, proofRef: `FP${rng.digits(20)}` },
        staffId: technician,
        today,
        sinceDate,
      },
    }
  }

  const floor = floorIntake(sqlite)
  const rows: Row[] = []
  for (const [kind, label] of [['new', 'tickets.intake new customer + device (durable)'], ['known', 'tickets.intake existing device (durable)']] as const) {
    const run = async (p: Pair, timings?: { app: number[]; floor: number[] }) => {
      client.clock.advance(1500)
      let started = performance.now()
      await client.call('tickets.intake', p.app)
      timings?.app.push(performance.now() - started)
      client.clock.advance(1500)
      started = performance.now()
      floor({ ...p.floor, nowMs: client.clock.now() })
      timings?.floor.push(performance.now() - started)
    }
    for (let i = 0; i < 10; i++) await run(pair(kind))
    const timings = { app: [] as number[], floor: [] as number[] }
    for (let i = 0; i < samples; i++) await run(pair(kind), timings)
    rows.push({ operation: label, app: stats(timings.app), floor: stats(timings.floor), budgetMs: 5, maxRatio: 3 })
  }
  return rows
}
