import type { HandlerMap } from '../context'
import { appHandlers } from './app'
import { authHandlers } from './auth'
import { settingsHandlers } from './settings'
import { staffHandlers } from './staff'
import { catalogHandlers } from './catalog'
import { customerHandlers } from './customers'
import { deviceHandlers } from './devices'
import { ticketHandlers } from './tickets'
import { ticketCareHandlers } from './ticket-care'
import { workflowHandlers } from './workflow'
import { partHandlers } from './parts'
import { stockHandlers } from './stock'
import { ticketPartHandlers } from './ticket-parts'
import { rmaHandlers } from './rma'
import { paymentHandlers } from './payments'
import { cashHandlers } from './cash'
import { reportHandlers } from './reports'
import { claimHandlers } from './claims'
import { claimRuleHandlers } from './claims-rules'
import { batchHandlers } from './claim-batches'
import { claimOutcomeHandlers } from './claim-outcomes'
import { syncHandlers } from './sync'
import { auditHandlers } from './audit'
import { backupHandlers } from './backup'

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
  ...workflowHandlers,
  ...ticketCareHandlers,
  ...ticketPartHandlers,
  ...partHandlers,
  ...stockHandlers,
  ...rmaHandlers,
  ...paymentHandlers,
  ...cashHandlers,
  ...reportHandlers,
  ...claimHandlers,
  ...claimRuleHandlers,
  ...batchHandlers,
  ...claimOutcomeHandlers,
  ...syncHandlers,
  ...auditHandlers,
  ...backupHandlers,
} satisfies HandlerMap
