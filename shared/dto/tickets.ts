import type { TicketStatus } from '../tickets'
import type { WarrantyReason, WarrantyStatus } from '../warranty'
import type { CustomerDto, DeviceDto } from './catalog'

export interface TicketSummaryDto {
  id: number
  number: string
  status: TicketStatus
  warrantyStatus: WarrantyStatus
  receivedAtMs: number
  receivedDate: string
  promisedDate: string | null
  /** Open and past its promised date (shop-local today). */
  overdue: boolean
  customerName: string
  customerPhone: string
  manufacturerName: string
  modelName: string
  imei: string | null
  serial: string | null
  assignedStaffName: string | null
  repeatOfTicketId: number | null
}

export interface TicketEventDto {
  id: number
  atMs: number
  staffName: string
  kind: string
  fromStatus: TicketStatus | null
  toStatus: TicketStatus | null
  note: string
  data: Record<string, unknown>
}

export interface TicketDetailDto extends TicketSummaryDto {
  customer: CustomerDto
  device: DeviceDto
  reportedFault: string
  condition: string[]
  conditionNotes: string
  accessories: string[]
  passcodeProvided: boolean
  notes: string
  warranty: {
    status: WarrantyStatus
    reason: WarrantyReason
    endsOn: string | null
    overrideNote: string | null
  }
  repeatOf: { id: number; number: string; collectedDate: string | null } | null
  createdByName: string
  events: TicketEventDto[]
}

export interface TicketPageDto {
  items: TicketSummaryDto[]
  /** Pass as `beforeId` for the next page; null on the last page. */
  nextBeforeId: number | null
}

export interface DeviceHistoryDto {
  device: DeviceDto | null
  tickets: TicketSummaryDto[]
}

export interface CustomerDetailDto {
  customer: CustomerDto
  devices: DeviceDto[]
  tickets: TicketSummaryDto[]
}
