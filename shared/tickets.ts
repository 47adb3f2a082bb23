// Ticket vocabulary shared by the ledger and the UI. The state machine itself arrives with the
// repair-workflow issue; intake only ever creates `received` tickets.

export const ticketStatuses = [
  'received',
  'diagnosing',
  'awaiting_approval',
  'awaiting_parts',
  'in_repair',
  'ready',
  'collected',
  'declined',
  'cancelled',
] as const
export type TicketStatus = (typeof ticketStatuses)[number]

/** Statuses in which the device is still in the shop's hands. */
export const openTicketStatuses: readonly TicketStatus[] = ['received', 'diagnosing', 'awaiting_approval', 'awaiting_parts', 'in_repair', 'ready', 'declined']

/** Condition-on-arrival checklist; the UI translates `intake.condition.<code>`. */
export const conditionCodes = [
  'screen_cracked',
  'back_cracked',
  'dents',
  'bent_frame',
  'liquid_indicator_tripped',
  'missing_screws',
  'camera_lens_cracked',
  'buttons_damaged',
  'no_power',
  'sim_tray_missing',
] as const
export type ConditionCode = (typeof conditionCodes)[number]

/** Common accessories; anything else is typed as free text. The UI translates `intake.accessory.<code>`. */
export const accessoryCodes = ['charger', 'cable', 'case', 'sim_card', 'memory_card', 'box', 'stylus'] as const

/** A device whose last collection was at most this many days before intake is a repeat repair. */
export const repeatRepairWindowDays = 90

export const deviceCategories = ['phone', 'tablet', 'laptop', 'wearable', 'other'] as const
export type DeviceCategory = (typeof deviceCategories)[number]

export const customerKinds = ['consumer', 'dealer'] as const
export type CustomerKind = (typeof customerKinds)[number]

/** `R` + shop-local year and month + a sequence per month that is never reused: R2611-0042. */
export function formatTicketNumber(businessDate: string, sequence: number): string {
  return `R${businessDate.slice(2, 4)}${businessDate.slice(5, 7)}-${String(sequence).padStart(4, '0')}`
}
