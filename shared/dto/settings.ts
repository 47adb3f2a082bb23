import type { LedgerHealthDto } from './backup'
export interface ShopSettingsDto {
  shopName: string
  address: string
  phone: string
  taxId: string
  currency: string
  /** Tax rate in basis points: 1300 = 13 %. */
  taxRateBp: number
  pricesIncludeTax: boolean
  timeZone: string
  locale: string
  receiptHeader: string
  receiptFooter: string
  updatedAtMs: number
}

export interface SetupStatusDto {
  complete: boolean
  shopName: string | null
  locale: string | null
}

export interface AppInfoDto {
  name: string
  version: string
  schemaVersion: string
  databasePath: string
  transport: 'electron' | 'web' | 'direct'
  /** A ledger that failed its check at start is never used: the app offers its backups instead. */
  ledger: LedgerHealthDto
}
