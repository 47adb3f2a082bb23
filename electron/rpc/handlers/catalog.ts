import { AppError } from '../../../shared/errors'
import { appendAudit } from '../../../db/ledger/audit'
import {
  findManufacturer,
  findModel,
  insertManufacturer,
  insertModel,
  listManufacturers,
  manufacturerCodeTaken,
  modelCodeTaken,
  searchModels,
  toManufacturerDto,
  updateManufacturer,
} from '../../../db/ledger/catalog'
import { seedFaultCodes } from '../../../db/ledger/fault-codes'
import { signedIn, type HandlerMap } from '../context'
import { fieldError } from './field-error'

export const catalogHandlers: Pick<
  HandlerMap,
  'manufacturers.list' | 'manufacturers.create' | 'manufacturers.update' | 'models.search' | 'models.create'
> = {
  'manufacturers.list': async ({ includeInactive }, ctx) => listManufacturers(ctx.db, includeInactive),

  'manufacturers.create': async (input, ctx) => {
    const owner = signedIn(ctx)
    const row = await ctx.write(async (trx) => {
      if (await manufacturerCodeTaken(trx, input.code)) throw fieldError(['code'], 'errors.manufacturerCodeTaken', 'CONFLICT')
      const created = await insertManufacturer(trx, input, ctx.nowMs)
      await seedFaultCodes(trx, created.id, ctx.nowMs)
      await appendAudit(trx, { atMs: ctx.nowMs, staffId: owner.id, action: 'manufacturers.create', entity: 'manufacturer', entityId: created.id, details: input })
      return created
    })
    return toManufacturerDto(row)
  },

  'manufacturers.update': async ({ id, ...changes }, ctx) => {
    const owner = signedIn(ctx)
    const row = await ctx.write(async (trx) => {
      const before = await findManufacturer(trx, id)
      if (!before) throw new AppError('NOT_FOUND', 'errors.manufacturerNotFound')
      const updated = await updateManufacturer(trx, id, changes, ctx.nowMs)
      await appendAudit(trx, {
        atMs: ctx.nowMs,
        staffId: owner.id,
        action: 'manufacturers.update',
        entity: 'manufacturer',
        entityId: id,
        details: { before: toManufacturerDto(before), changes },
      })
      return updated
    })
    return toManufacturerDto(row)
  },

  'models.search': async ({ query, manufacturerId, limit }, ctx) => searchModels(ctx.db, query, manufacturerId, limit),

  'models.create': async (input, ctx) => {
    const owner = signedIn(ctx)
    const id = await ctx.write(async (trx) => {
      if (!(await findManufacturer(trx, input.manufacturerId))) throw fieldError(['manufacturerId'], 'errors.manufacturerNotFound')
      if (await modelCodeTaken(trx, input.manufacturerId, input.modelCode)) throw fieldError(['modelCode'], 'errors.modelCodeTaken', 'CONFLICT')
      const modelId = await insertModel(trx, input, ctx.nowMs)
      await appendAudit(trx, { atMs: ctx.nowMs, staffId: owner.id, action: 'models.create', entity: 'device_model', entityId: modelId, details: input })
      return modelId
    })
    const model = await findModel(ctx.db, id)
    if (!model) throw new Error(`model ${id} vanished after insert`)
    return model
  },
}
