import { editableClaimStatuses, isLoopbackUrl } from '../../../shared/claims'
import type { SecretBox } from '../../core/secret-box'
import { appendAudit } from '../../../db/ledger/audit'
import { recomputeClaim } from '../../../db/ledger/claims-build'
import { appendClaimEvent, findClaim } from '../../../db/ledger/claims'
import { readClaimRules, toClaimRulesDto, updateClaimRules } from '../../../db/ledger/claims-rules'
import { findManufacturer } from '../../../db/ledger/catalog'
import { signedIn, type HandlerContext, type HandlerMap } from '../context'
import { fieldError } from './field-error'

// A manufacturer's claim rules: anyone may read them (the claims screen explains amounts with
// them); only an owner changes them, as with every other manufacturer setting.

/** https:// only; plain http:// to this computer when the app runs its sync tests (never in the shop). */
export function checkSyncUrl(value: string, allowLoopbackHttp: boolean): void {
  const url = new URL(value)
  if (url.protocol === 'https:') return
  if (allowLoopbackHttp && isLoopbackUrl(url)) return
  throw fieldError(['syncUrl'], 'errors.syncUrlNotHttps', 'INVALID_INPUT', { url: value })
}

function sealer(ctx: HandlerContext): SecretBox {
  if (!ctx.secrets) throw new Error('no secret box: the ledger service provides one')
  return ctx.secrets
}

export const claimRuleHandlers: Pick<HandlerMap, 'manufacturers.claimRules' | 'manufacturers.updateClaimRules'> = {
  'manufacturers.claimRules': async ({ manufacturerId }, ctx) => {
    const rules = await readClaimRules(ctx.db, manufacturerId)
    if (!rules) throw fieldError(['manufacturerId'], 'errors.manufacturerNotFound', 'NOT_FOUND')
    return rules
  },

  /**
   * Claims not yet sent (draft, ready, rejected) follow the new rates in the same transaction, each
   * repricing an event on the claim; claims already batched keep what they asked for.
   */
  'manufacturers.updateClaimRules': async ({ manufacturerId, syncToken, ...changes }, ctx) => {
    const owner = signedIn(ctx)
    if (changes.syncUrl) checkSyncUrl(changes.syncUrl, ctx.sync?.allowLoopbackHttp ?? false)
    const syncTokenSealed = syncToken === undefined || syncToken === null ? syncToken : sealer(ctx).seal(syncToken)
    return ctx.write(async (trx) => {
      const row = await findManufacturer(trx, manufacturerId)
      if (!row) throw fieldError(['manufacturerId'], 'errors.manufacturerNotFound', 'NOT_FOUND')
      const before = toClaimRulesDto(row)
      const after = await updateClaimRules(trx, manufacturerId, { ...changes, syncTokenSealed }, ctx.nowMs)
      // The token itself never reaches the audit log: only that it was replaced or forgotten.
      const token = syncToken === undefined ? {} : { syncToken: syncToken === null ? 'forgotten' : 'replaced' }
      await appendAudit(trx, { atMs: ctx.nowMs, staffId: owner.id, action: 'manufacturers.updateClaimRules', entity: 'manufacturer', entityId: manufacturerId, details: { before, changes: { ...changes, ...token } } })
      const open = await trx.selectFrom('claims').select('id').where('manufacturer_id', '=', manufacturerId).where('status', 'in', [...editableClaimStatuses]).orderBy('id').execute()
      for (const { id } of open) {
        const change = await recomputeClaim(trx, id, ctx.nowMs)
        if (!change) continue
        const claim = await findClaim(trx, id)
        if (!claim) throw new Error(`claim ${id} vanished`)
        await appendClaimEvent(trx, { claimId: id, atMs: ctx.nowMs, staffId: owner.id, kind: 'repriced', revision: claim.revision, data: change })
        await appendAudit(trx, { atMs: ctx.nowMs, staffId: owner.id, action: 'claims.reprice', entity: 'claim', entityId: id, details: change })
      }
      return after
    })
  },
}
