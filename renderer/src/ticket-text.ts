import type { TFunction } from 'i18next'
import type { TicketSummaryDto } from '../../shared/dto/tickets'
import { accessoryCodes, conditionCodes } from '../../shared/tickets'

// How a ticket's coded facts read in the UI and on paper, in one place for screens and prints.

/** "IMEI 356…" / "SN ABC…" / both; '' when the device has neither. */
export function identifierText(ticket: Pick<TicketSummaryDto, 'imei' | 'serial'>): string {
  return [ticket.imei, ticket.serial].filter(Boolean).join(' / ')
}

export function deviceText(ticket: Pick<TicketSummaryDto, 'manufacturerName' | 'modelName'>): string {
  return `${ticket.manufacturerName} ${ticket.modelName}`
}

/** Checklist codes translated, in checklist order; unknown codes (a newer ledger) shown as they are. */
export function conditionList(t: TFunction, codes: readonly string[]): string[] {
  const known = conditionCodes.filter((code) => codes.includes(code)).map((code) => t(`intake.condition.${code}`))
  return [...known, ...codes.filter((code) => !(conditionCodes as readonly string[]).includes(code))]
}

/** Accessory codes translated, free-text accessories as typed. */
export function accessoryList(t: TFunction, items: readonly string[]): string[] {
  return items.map((item) => ((accessoryCodes as readonly string[]).includes(item) ? t(`intake.accessory.${item}`) : item))
}
