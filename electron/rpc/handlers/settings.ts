import { appendAudit } from '../../../db/ledger/audit'
import { readSettings, updateSettings } from '../../../db/ledger/settings'
import { AppError } from '../../../shared/errors'
import { signedIn, type HandlerMap } from '../context'

export const settingsHandlers: Pick<HandlerMap, 'settings.get' | 'settings.update'> = {
  'settings.get': async (_input, ctx) => {
    const settings = await readSettings(ctx.db)
    if (!settings) throw new AppError('NOT_FOUND', 'errors.setupRequired')
    return settings
  },

  'settings.update': async (input, ctx) => {
    const staff = signedIn(ctx)
    return ctx.write(async (trx) => {
      const changes = await updateSettings(trx, input, ctx.nowMs)
      if (Object.keys(changes).length > 0) {
        await appendAudit(trx, { atMs: ctx.nowMs, staffId: staff.id, action: 'settings.update', entity: 'settings', entityId: 1, details: changes })
      }
      const settings = await readSettings(trx)
      if (!settings) throw new AppError('NOT_FOUND', 'errors.setupRequired')
      return settings
    })
  },
}
