import type { HandlerMap } from '../context'
import { appHandlers } from './app'
import { authHandlers } from './auth'
import { settingsHandlers } from './settings'
import { staffHandlers } from './staff'

// `satisfies HandlerMap` makes a channel without a handler a compile error.
export const handlers = {
  ...appHandlers,
  ...authHandlers,
  ...settingsHandlers,
  ...staffHandlers,
} satisfies HandlerMap
