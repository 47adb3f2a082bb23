import type { HandlerMap } from '../context'
import { AppError } from '../../../shared/errors'
import { latestMigration } from '../../../db/migrations/index'
import { readSettings, insertSettings } from '../../../db/ledger/settings'
import { insertStaff, toStaffDto } from '../../../db/ledger/staff'
import { appendAudit } from '../../../db/ledger/audit'
import { seedDefaultCatalog } from '../../../db/ledger/catalog'

export const appHandlers: Pick<HandlerMap, 'app.info' | 'setup.status' | 'setup.complete'> = {
  // A damaged ledger never reaches dispatch (the ledger service answers for it), so here it is whole.
  'app.info': async (_input, ctx) => ({ ...ctx.info, schemaVersion: latestMigration, ledger: { state: 'ok' } }),

  'setup.status': async (_input, ctx) => {
    const settings = await readSettings(ctx.db)
    return { complete: settings !== null, shopName: settings?.shopName ?? null, locale: settings?.locale ?? null }
  },

  'setup.complete': async ({ shop, owner }, ctx) => {
    // Hash before the transaction: scrypt is slow and must not hold the ledger.
    const pinHash = await ctx.hashPin(owner.pin)
    const ownerRow = await ctx.write(async (trx) => {
      if (await readSettings(trx)) throw new AppError('CONFLICT', 'errors.setupAlreadyComplete')
      await insertSettings(trx, shop, ctx.nowMs)
      await seedDefaultCatalog(trx, ctx.nowMs)
      const row = await insertStaff(trx, { name: owner.name, role: 'owner', pinHash }, ctx.nowMs)
      await appendAudit(trx, {
        atMs: ctx.nowMs,
        staffId: row.id,
        action: 'setup.complete',
        entity: 'settings',
        entityId: 1,
        details: { shop, owner: { id: row.id, name: row.name } },
      })
      return row
    })
    ctx.sessions.set(ctx.clientKey, { staffId: ownerRow.id, signedInAtMs: ctx.nowMs })
    return { staff: toStaffDto(ownerRow), signedInAtMs: ctx.nowMs }
  },
}
