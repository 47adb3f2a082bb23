import type { HandlerMap } from '../context'
import { appHandlers } from './app'
import { authHandlers } from './auth'
import { settingsHandlers } from './settings'
import { staffHandlers } from './staff'
import { catalogHandlers } from './catalog'
import { customerHandlers } from './customers'
import { deviceHandlers } from './devices'
import { ticketHandlers } from './tickets'

// `satisfies HandlerMap` makes a channel without a handler a compile error.
export const handlers = {
  ...appHandlers,
  ...authHandlers,
  ...settingsHandlers,
  ...staffHandlers,
  ...customerHandlers,
  ...catalogHandlers,
  ...deviceHandlers,
  ...ticketHandlers,
} satisfies HandlerMap
