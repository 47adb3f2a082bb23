import { verifyAuditChain } from '../../../db/ledger/audit-verify'
import type { HandlerMap } from '../context'

// The owner checks that nobody has edited or removed audit rows behind the app's back (the
// triggers stop the app itself; a hand-edited file is what this finds).
export const auditHandlers: Pick<HandlerMap, 'audit.verify'> = {
  'audit.verify': async (_input, ctx) => verifyAuditChain(ctx.db, ctx.nowMs),
}
