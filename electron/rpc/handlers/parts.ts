import { AppError } from '../../../shared/errors'
import type { PartDetailDto } from '../../../shared/dto/stock'
import { appendAudit, type Executor } from '../../../db/ledger/audit'
import { existingModelIds, findPartRow, insertPart, loadPartDetail, refreshPartSearch, searchParts, setPartModels, skuTaken, updatePartRow } from '../../../db/ledger/parts'
import { signedIn, type HandlerMap } from '../context'
import { fieldError } from './field-error'

export const partHandlers: Pick<HandlerMap, 'parts.search' | 'parts.get' | 'parts.create' | 'parts.update'> = {
  'parts.search': async (query, ctx) => searchParts(ctx.db, query),

  'parts.get': async ({ id }, ctx) => partDetailOrFail(ctx.db, id),

  'parts.create': async ({ modelIds, ...fields }, ctx) => {
    const owner = signedIn(ctx)
    const id = await ctx.write(async (trx) => {
      if (await skuTaken(trx, fields.sku)) throw fieldError(['sku'], 'errors.skuTaken', 'CONFLICT')
      await requireModels(trx, modelIds)
      const row = await insertPart(trx, fields, ctx.nowMs)
      await setPartModels(trx, row.id, modelIds)
      await refreshPartSearch(trx, row.id)
      await appendAudit(trx, { atMs: ctx.nowMs, staffId: owner.id, action: 'parts.create', entity: 'part', entityId: row.id, details: { ...fields, modelIds } })
      return row.id
    })
    return partDetailOrFail(ctx.db, id)
  },

  'parts.update': async ({ id, modelIds, ...changes }, ctx) => {
    const owner = signedIn(ctx)
    await ctx.write(async (trx) => {
      if (!(await findPartRow(trx, id))) throw new AppError('NOT_FOUND', 'errors.partNotFound')
      if (changes.sku !== undefined && (await skuTaken(trx, changes.sku, id))) throw fieldError(['sku'], 'errors.skuTaken', 'CONFLICT')
      if (modelIds !== undefined) {
        await requireModels(trx, modelIds)
        await setPartModels(trx, id, modelIds)
      }
      await updatePartRow(trx, id, changes, ctx.nowMs)
      await refreshPartSearch(trx, id)
      await appendAudit(trx, { atMs: ctx.nowMs, staffId: owner.id, action: 'parts.update', entity: 'part', entityId: id, details: { ...changes, ...(modelIds && { modelIds }) } })
    })
    return partDetailOrFail(ctx.db, id)
  },
}

async function partDetailOrFail(db: Executor, id: number): Promise<PartDetailDto> {
  const part = await loadPartDetail(db, id)
  if (!part) throw new AppError('NOT_FOUND', 'errors.partNotFound')
  return part
}

async function requireModels(db: Executor, modelIds: readonly number[]): Promise<void> {
  const known = await existingModelIds(db, modelIds)
  const index = modelIds.findIndex((id) => !known.has(id))
  if (index >= 0) throw fieldError(['modelIds', index], 'errors.modelNotFound', 'NOT_FOUND')
}
