import { AppError } from '../../../shared/errors'
import { appendAudit } from '../../../db/ledger/audit'
import { countActiveOwners, findStaff, insertStaff, isNameTaken, listStaff, toStaffDto, updateStaffRow } from '../../../db/ledger/staff'
import { signedIn, type HandlerMap } from '../context'
import { fieldError } from './field-error'

const nameTaken = () => fieldError(['name'], 'errors.staffNameTaken', 'CONFLICT')

export const staffHandlers: Pick<HandlerMap, 'staff.list' | 'staff.create' | 'staff.update'> = {
  'staff.list': async ({ includeInactive }, ctx) => listStaff(ctx.db, includeInactive),

  'staff.create': async ({ name, role, pin }, ctx) => {
    const owner = signedIn(ctx)
    const pinHash = await ctx.hashPin(pin)
    const row = await ctx.write(async (trx) => {
      if (await isNameTaken(trx, name)) throw nameTaken()
      const created = await insertStaff(trx, { name, role, pinHash }, ctx.nowMs)
      await appendAudit(trx, { atMs: ctx.nowMs, staffId: owner.id, action: 'staff.create', entity: 'staff', entityId: created.id, details: { name, role } })
      return created
    })
    return toStaffDto(row)
  },

  'staff.update': async ({ id, pin, ...changes }, ctx) => {
    const owner = signedIn(ctx)
    const pinHash = pin === undefined ? undefined : await ctx.hashPin(pin)
    const row = await ctx.write(async (trx) => {
      const before = await findStaff(trx, id)
      if (!before) throw new AppError('NOT_FOUND', 'errors.staffNotFound')
      if (changes.name !== undefined && (await isNameTaken(trx, changes.name, id))) throw nameTaken()
      const losesOwnership = before.role === 'owner' && before.active === 1 && (changes.role === 'technician' || changes.active === false)
      if (losesOwnership && (await countActiveOwners(trx, id)) === 0) throw new AppError('CONFLICT', 'errors.lastOwner')
      const updated = await updateStaffRow(trx, id, { ...changes, ...(pinHash && { pinHash }) }, ctx.nowMs)
      await appendAudit(trx, {
        atMs: ctx.nowMs,
        staffId: owner.id,
        action: 'staff.update',
        entity: 'staff',
        entityId: id,
        // The PIN itself never enters the audit log; only that it was reset.
        details: { ...changes, ...(pinHash && { pinReset: true }) },
      })
      return updated
    })
    return toStaffDto(row)
  },
}
