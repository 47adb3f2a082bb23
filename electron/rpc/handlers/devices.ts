import { AppError } from '../../../shared/errors'
import { findDevice, findDeviceByIdentifier, toDeviceDto } from '../../../db/ledger/devices'
import { ticketsOfDevice } from '../../../db/ledger/tickets'
import type { HandlerMap } from '../context'
import { shopDay } from './shop-day'

export const deviceHandlers: Pick<HandlerMap, 'devices.history'> = {
  // A scan that finds nothing is an answer, not an error: the counter then takes a new device in.
  'devices.history': async ({ deviceId, identifier }, ctx) => {
    const row = deviceId !== undefined ? await findDevice(ctx.db, deviceId) : await findDeviceByIdentifier(ctx.db, identifier ?? '')
    if (!row) {
      if (deviceId !== undefined) throw new AppError('NOT_FOUND', 'errors.notFound')
      return { device: null, tickets: [] }
    }
    const { today } = await shopDay(ctx.db, ctx.nowMs)
    return { device: await toDeviceDto(ctx.db, row), tickets: await ticketsOfDevice(ctx.db, row.id, today) }
  },
}
