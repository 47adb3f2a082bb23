import type { ShopSettingsDto } from '../../shared/dto/settings'
import type { SettingsUpdate } from '../../shared/schemas/settings'
import type { Selectable, Updateable } from 'kysely'
import type { SettingsTable } from '../schema'
import type { Executor } from './audit'

export async function readSettings(db: Executor): Promise<ShopSettingsDto | null> {
  const row = await db.selectFrom('settings').selectAll().where('id', '=', 1).executeTakeFirst()
  return row ? toSettingsDto(row) : null
}

export interface NewSettings {
  shopName: string
  address: string
  phone: string
  currency: string
  timeZone: string
  locale: string
}

export async function insertSettings(db: Executor, settings: NewSettings, nowMs: number): Promise<void> {
  await db
    .insertInto('settings')
    .values({
      id: 1,
      shop_name: settings.shopName,
      address: settings.address,
      phone: settings.phone,
      tax_id: '',
      currency: settings.currency,
      tax_rate_bp: 0,
      prices_include_tax: 1,
      time_zone: settings.timeZone,
      locale: settings.locale,
      receipt_header: '',
      receipt_footer: '',
      created_at_ms: nowMs,
      updated_at_ms: nowMs,
    })
    .execute()
}

const columnFor = {
  shopName: 'shop_name',
  address: 'address',
  phone: 'phone',
  taxId: 'tax_id',
  currency: 'currency',
  taxRateBp: 'tax_rate_bp',
  pricesIncludeTax: 'prices_include_tax',
  timeZone: 'time_zone',
  locale: 'locale',
  receiptHeader: 'receipt_header',
  receiptFooter: 'receipt_footer',
} as const satisfies Record<keyof SettingsUpdate, keyof SettingsTable>

/** Applies the given fields; returns the fields that really changed, as {from, to}. */
export async function updateSettings(
  db: Executor,
  update: SettingsUpdate,
  nowMs: number,
): Promise<Record<string, { from: unknown; to: unknown }>> {
  const before = await readSettings(db)
  if (!before) throw new Error('settings row missing')
  const changes: Record<string, { from: unknown; to: unknown }> = {}
  const values: Updateable<SettingsTable> = {}
  for (const key of Object.keys(update) as (keyof SettingsUpdate)[]) {
    const next = update[key]
    if (next === undefined || next === before[key]) continue
    changes[key] = { from: before[key], to: next }
    ;(values as Record<string, unknown>)[columnFor[key]] = typeof next === 'boolean' ? Number(next) : next
  }
  if (Object.keys(changes).length > 0) {
    await db.updateTable('settings').set({ ...values, updated_at_ms: nowMs }).where('id', '=', 1).execute()
  }
  return changes
}

function toSettingsDto(row: Selectable<SettingsTable>): ShopSettingsDto {
  return {
    shopName: row.shop_name,
    address: row.address,
    phone: row.phone,
    taxId: row.tax_id,
    currency: row.currency,
    taxRateBp: row.tax_rate_bp,
    pricesIncludeTax: row.prices_include_tax === 1,
    timeZone: row.time_zone,
    locale: row.locale,
    receiptHeader: row.receipt_header,
    receiptFooter: row.receipt_footer,
    updatedAtMs: row.updated_at_ms,
  }
}
