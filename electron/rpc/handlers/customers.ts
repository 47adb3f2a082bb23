import { AppError } from '../../../shared/errors'
import { appendAudit } from '../../../db/ledger/audit'
import { findCustomer, insertCustomer, searchCustomers, toCustomerDto, updateCustomer } from '../../../db/ledger/customers'
import { devicesOfCustomer, toDeviceDto } from '../../../db/ledger/devices'
import { ticketsOfCustomer } from '../../../db/ledger/tickets'
import { signedIn, type HandlerMap } from '../context'
import { shopDay } from './shop-day'

export const customerHandlers: Pick<HandlerMap, 'customers.search' | 'customers.get' | 'customers.create' | 'customers.update'> = {
  'customers.search': async ({ query, limit }, ctx) => searchCustomers(ctx.db, query, limit),

  'customers.get': async ({ id }, ctx) => {
    const customer = await findCustomer(ctx.db, id)
    if (!customer) throw new AppError('NOT_FOUND', 'errors.customerNotFound')
    const { today } = await shopDay(ctx.db, ctx.nowMs)
    const devices = await Promise.all((await devicesOfCustomer(ctx.db, id)).map((d) => toDeviceDto(ctx.db, d)))
    return { customer: toCustomerDto(customer), devices, tickets: await ticketsOfCustomer(ctx.db, id, today) }
  },

  'customers.create': async (input, ctx) => {
    const staff = signedIn(ctx)
    const row = await ctx.write(async (trx) => {
      const created = await insertCustomer(trx, input, ctx.nowMs)
      await appendAudit(trx, { atMs: ctx.nowMs, staffId: staff.id, action: 'customers.create', entity: 'customer', entityId: created.id, details: input })
      return created
    })
    return toCustomerDto(row)
  },

  'customers.update': async ({ id, ...changes }, ctx) => {
    const staff = signedIn(ctx)
    const row = await ctx.write(async (trx) => {
      const before = await findCustomer(trx, id)
      if (!before) throw new AppError('NOT_FOUND', 'errors.customerNotFound')
      const updated = await updateCustomer(trx, id, changes, ctx.nowMs)
      await appendAudit(trx, {
        atMs: ctx.nowMs,
        staffId: staff.id,
        action: 'customers.update',
        entity: 'customer',
        entityId: id,
        details: { before: toCustomerDto(before), changes },
      })
      return updated
    })
    return toCustomerDto(row)
  },
}
