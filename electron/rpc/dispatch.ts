import { contract, isChannelName, type ChannelName } from '../../shared/contract'
import { AppError, type MessageParams, type Result, type RpcError } from '../../shared/errors'
import { findStaff } from '../../db/ledger/staff'
import type { DispatchContext, HandlerContext } from './context'
import { handlers } from './handlers/index'
import { englishMessage } from './messages'
import { toFieldIssues } from './zod-issues'

/**
 * The one entry to the ledger for every transport: allow-list → access check → input parse →
 * handler. Always resolves to a Result; nothing is thrown across a process boundary.
 */
export async function dispatch(channel: string, rawInput: unknown, ctx: DispatchContext): Promise<Result<unknown>> {
  try {
    if (!isChannelName(channel)) {
      return failure('UNKNOWN_CHANNEL', 'errors.unknownChannel', { channel: String(channel).slice(0, 100) })
    }
    const def = contract[channel]
    const staff = await currentStaff(ctx)
    if (def.access !== 'public' && !staff) return failure('UNAUTHENTICATED', 'errors.unauthenticated')
    if (def.access === 'owner' && staff?.role !== 'owner') return failure('FORBIDDEN', 'errors.forbidden')

    const parsed = def.input.safeParse(rawInput === undefined ? {} : rawInput)
    if (!parsed.success) {
      return failure('INVALID_INPUT', 'errors.invalidInput', undefined, toFieldIssues(parsed.error, englishMessage))
    }
    const handlerCtx: HandlerContext = {
      ...ctx,
      staff: staff ?? null,
      nowMs: ctx.clock.now(),
      write: (work) => ctx.db.transaction().execute(work),
    }
    const handler = handlers[channel] as (input: unknown, ctx: HandlerContext) => Promise<unknown>
    return { ok: true, value: await handler(parsed.data, handlerCtx) }
  } catch (error) {
    if (error instanceof AppError) return failure(error.code, error.messageKey, error.params, error.issues)
    ctx.log?.(`channel ${String(channel)} failed`, error)
    return failure('INTERNAL', 'errors.internal')
  }
}

/** The signed-in staff member of this client; a deactivated one is signed out on the spot. */
async function currentStaff(ctx: DispatchContext) {
  const session = ctx.sessions.get(ctx.clientKey)
  if (!session) return undefined
  const staff = await findStaff(ctx.db, session.staffId)
  if (!staff || staff.active !== 1) {
    ctx.sessions.delete(ctx.clientKey)
    return undefined
  }
  return staff
}

export function failure(
  code: RpcError['code'],
  messageKey: string,
  params?: MessageParams,
  issues?: RpcError['issues'],
): { ok: false; error: RpcError } {
  return {
    ok: false,
    error: {
      code,
      messageKey,
      message: englishMessage(messageKey, params),
      ...(params && { params }),
      ...(issues && { issues }),
    },
  }
}

export type { ChannelName }
