import { z } from 'zod'
import { parsePool, type PoolKey } from '../stock'
import { Id, requiredText, text } from './common'
import { AmountMinor } from './workflow'

// Inputs of the parts catalogue, the stock ledger, parts on tickets and RMA.

export const Pool = z
  .string({ error: 'validation.pool' })
  .refine((v) => parsePool(v) !== undefined, { error: 'validation.pool' })
  .transform((v) => v as PoolKey)

/** A count of parts moved: a whole number, at least one. */
export const Quantity = z
  .number({ error: 'validation.stockQuantity' })
  .int({ error: 'validation.stockQuantity' })
  .min(1, { error: 'validation.stockQuantity' })
  .max(99_999, { error: 'validation.stockQuantity' })

const Sku = z
  .string({ error: 'validation.sku' })
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => /^[A-Z0-9][A-Z0-9._/-]{0,39}$/.test(v), { error: 'validation.sku' })

const PartSerial = z
  .string({ error: 'validation.serial' })
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => /^[A-Z0-9\-/.]{3,40}$/.test(v), { error: 'validation.serial' })

const ReorderPoint = z.number({ error: 'validation.reorderPoint' }).int({ error: 'validation.reorderPoint' }).min(0, { error: 'validation.reorderPoint' }).max(99_999, { error: 'validation.reorderPoint' })

const ModelIds = z.array(Id, { error: 'validation.models' }).max(200, { error: 'validation.models' })

export const PartSearchInput = z.strictObject({
  query: z.string({ error: 'validation.text' }).max(100, { error: 'validation.tooLong' }).default(''),
  /** Only parts that fit this device model. */
  modelId: Id.optional(),
  lowStockOnly: z.boolean({ error: 'validation.boolean' }).default(false),
  includeInactive: z.boolean({ error: 'validation.boolean' }).default(false),
  limit: z.number({ error: 'validation.limit' }).int({ error: 'validation.limit' }).min(1, { error: 'validation.limit' }).max(1000, { error: 'validation.limit' }).default(50),
})

export const PartGetInput = z.strictObject({ id: Id })

export const PartCreateInput = z.strictObject({
  sku: Sku,
  manufacturerPartNumber: text(60).default(''),
  name: requiredText(120),
  modelIds: ModelIds.default([]),
  sellPriceMinor: AmountMinor,
  reorderPoint: ReorderPoint.default(0),
  binLocation: text(30).default(''),
  serialized: z.boolean({ error: 'validation.boolean' }).default(false),
})

export const PartUpdateInput = z
  .strictObject({
    id: Id,
    sku: Sku.optional(),
    manufacturerPartNumber: text(60).optional(),
    name: requiredText(120).optional(),
    modelIds: ModelIds.optional(),
    sellPriceMinor: AmountMinor.optional(),
    reorderPoint: ReorderPoint.optional(),
    binLocation: text(30).optional(),
    serialized: z.boolean({ error: 'validation.boolean' }).optional(),
    active: z.boolean({ error: 'validation.boolean' }).optional(),
  })
  .refine((v) => Object.keys(v).length > 1, { error: 'validation.nothingToChange' })

export const ReceiveInput = z.strictObject({
  /** Shop stock (bought) or a manufacturer's consigned stock (sent by it, no cost to the shop). */
  pool: Pool,
  supplier: requiredText(80),
  deliveryNote: text(60).default(''),
  lines: z
    .array(z.strictObject({ partId: Id, quantity: Quantity, unitCostMinor: AmountMinor.optional() }), { error: 'validation.lines' })
    .min(1, { error: 'validation.lines' })
    .max(200, { error: 'validation.lines' }),
})

export const AdjustInput = z.strictObject({
  partId: Id,
  pool: Pool,
  /** Signed: + found, − lost or damaged. */
  quantity: z
    .number({ error: 'validation.stockQuantity' })
    .int({ error: 'validation.stockQuantity' })
    .min(-99_999, { error: 'validation.stockQuantity' })
    .max(99_999, { error: 'validation.stockQuantity' })
    .refine((q) => q !== 0, { error: 'validation.quantityZero' }),
  reason: requiredText(300),
})

export const TransferInput = z.strictObject({
  partId: Id,
  from: Pool,
  to: Pool,
  quantity: Quantity,
  reason: requiredText(300),
})

export const ScrapInput = z.strictObject({ partId: Id, pool: Pool, quantity: Quantity, reason: requiredText(300) })

export const StocktakeInput = z.strictObject({
  pool: Pool,
  counts: z
    .array(z.strictObject({ partId: Id, counted: z.number({ error: 'validation.counted' }).int({ error: 'validation.counted' }).min(0, { error: 'validation.counted' }).max(99_999, { error: 'validation.counted' }) }), {
      error: 'validation.counts',
    })
    .min(1, { error: 'validation.counts' })
    .max(5000, { error: 'validation.counts' }),
  note: text(300).default(''),
  /** Show the differences without posting them. */
  dryRun: z.boolean({ error: 'validation.boolean' }).default(false),
})

export const LevelsInput = z.strictObject({
  query: z.string({ error: 'validation.text' }).max(100, { error: 'validation.tooLong' }).default(''),
  lowStockOnly: z.boolean({ error: 'validation.boolean' }).default(false),
  includeInactive: z.boolean({ error: 'validation.boolean' }).default(false),
})

export const MovementsInput = z.strictObject({
  partId: Id,
  /** Page backwards: movements older than this id. */
  beforeId: Id.optional(),
  limit: z.number({ error: 'validation.limit' }).int({ error: 'validation.limit' }).min(1, { error: 'validation.limit' }).max(500, { error: 'validation.limit' }).default(100),
})

export const UsePartsInput = z.strictObject({
  id: Id,
  lines: z
    .array(
      z.strictObject({
        partId: Id,
        quantity: Quantity,
        /** Chosen by the ticket's warranty status when left out. */
        pool: Pool.optional(),
        /** Serialized parts: the fitted part's serial, and the removed part's. */
        serial: PartSerial.optional(),
        oldSerial: PartSerial.optional(),
        /** Warranty work: the removed part goes to the defective pool, owed to the manufacturer. */
        keepDefective: z.boolean({ error: 'validation.boolean' }).default(true),
      }),
      { error: 'validation.lines' },
    )
    .min(1, { error: 'validation.lines' })
    .max(50, { error: 'validation.lines' }),
  note: text(300).default(''),
})

export const ReturnPartInput = z.strictObject({
  id: Id,
  /** The consume movement being (partly) undone. */
  movementId: Id,
  quantity: Quantity,
  reason: text(300).default(''),
})

export const TicketPartsInput = z.strictObject({ id: Id })

export const RmaListInput = z.strictObject({
  manufacturerId: Id.optional(),
  /** Also list the last shipments. */
  includeShipped: z.boolean({ error: 'validation.boolean' }).default(false),
})

export const RmaShipInput = z.strictObject({
  manufacturerId: Id,
  defectiveIds: z.array(Id, { error: 'validation.defectiveIds' }).min(1, { error: 'validation.defectiveIds' }).max(500, { error: 'validation.defectiveIds' }),
  carrier: requiredText(60),
  trackingNumber: requiredText(60),
  note: text(300).default(''),
})
