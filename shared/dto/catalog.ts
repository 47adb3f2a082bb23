import type { CustomerKind, DeviceCategory } from '../tickets'

export interface CustomerDto {
  id: number
  name: string
  /** Normalised: digits, with a leading + for international numbers. */
  phone: string
  email: string | null
  kind: CustomerKind
  notes: string
  createdAtMs: number
  updatedAtMs: number
}

export interface ManufacturerDto {
  id: number
  code: string
  name: string
  warrantyMonths: number
  proofRequired: boolean
  claimWindowDays: number
  defectiveReturnDays: number
  /** Warranty repairs may use shop stock when the consigned pool has none. */
  shopStockForWarranty: boolean
  active: boolean
}

export interface ModelDto {
  id: number
  manufacturer: Pick<ManufacturerDto, 'id' | 'code' | 'name' | 'warrantyMonths' | 'proofRequired'>
  modelCode: string
  marketingName: string
  category: DeviceCategory
  /** The model's own override, or null to use the manufacturer's default. */
  warrantyMonths: number | null
  /** What applies: the override when set, else the manufacturer's default. */
  effectiveWarrantyMonths: number
}

export interface DeviceDto {
  id: number
  model: ModelDto
  imei: string | null
  serial: string | null
  purchaseDate: string | null
  proofOfPurchaseRef: string | null
  ownerCustomerId: number | null
}
