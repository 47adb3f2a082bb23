import { estimateTotals, faultCodeKinds } from '../../../shared/repair'
import { readSettings } from '../../../db/ledger/settings'
import { isActiveFaultCode } from '../../../db/ledger/fault-codes'
import { latestDiagnosis } from '../../../db/ledger/work'
import { findPartRow } from '../../../db/ledger/parts'
import { loadInvoice } from '../../../db/ledger/payments'
import { AppError } from '../../../shared/errors'
import { buildClaim } from './claims-ticket'
import { ownerApproval } from './owner-approval'
import { signedIn, type HandlerMap } from '../context'
import { fieldError } from './field-error'
import { shopDay } from './shop-day'
import { ticketOrFail, transition } from './transition'

export const workflowHandlers: Pick<
  HandlerMap,
  'tickets.startDiagnosis' | 'tickets.diagnose' | 'tickets.estimate' | 'tickets.decide' | 'tickets.startRepair' | 'tickets.complete' | 'tickets.markReady' | 'tickets.collect' | 'tickets.cancel'
> = {
  'tickets.startDiagnosis': async ({ id, note }, ctx) => transition(ctx, id, 'startDiagnosis', { note }),

  'tickets.diagnose': async ({ id, findings, faultCodes, repairTier, warranty }, ctx) => {
    const staff = signedIn(ctx)
    const voiding = warranty?.decision === 'void'
    return transition(ctx, id, 'diagnose', {
      note: warranty?.note ?? '',
      facts: (f) => ({ ...f, paid: f.paid || voiding }),
      before: async (trx, ticket) => {
        if (ticket.warranty_status === 'in_warranty' && !warranty) throw fieldError(['warranty'], 'validation.warrantyDecisionRequired')
        if (ticket.warranty_status !== 'in_warranty' && warranty) throw fieldError(['warranty'], 'validation.warrantyDecisionNotApplicable')
        const maker = await trx
          .selectFrom('devices as d')
          .innerJoin('device_models as dm', 'dm.id', 'd.model_id')
          .select('dm.manufacturer_id')
          .where('d.id', '=', ticket.device_id)
          .executeTakeFirstOrThrow()
        for (const kind of faultCodeKinds) {
          if (!(await isActiveFaultCode(trx, maker.manufacturer_id, kind, faultCodes[kind]))) throw fieldError(['faultCodes', kind], 'validation.faultCodeNotInList')
        }
        const decision = warranty ? (voiding ? 'voided' : 'confirmed') : 'not_applicable'
        await trx
          .insertInto('diagnoses')
          .values({
            ticket_id: id,
            at_ms: ctx.nowMs,
            staff_id: staff.id,
            findings,
            condition_code: faultCodes.condition,
            symptom_code: faultCodes.symptom,
            defect_code: faultCodes.defect,
            repair_code: faultCodes.repair,
            repair_tier: repairTier,
            warranty_decision: decision,
            void_reason: warranty?.voidReason ?? null,
            note: warranty?.note ?? '',
          })
          .execute()
        return { faultCodes, repairTier, warrantyDecision: decision, ...(voiding && { voidReason: warranty?.voidReason }) }
      },
      patch: () => ({ diagnosed_at_ms: ctx.nowMs, repair_tier: repairTier, ...(voiding && { warranty_status: 'void' as const }) }),
    })
  },

  'tickets.estimate': async ({ id, lines, note }, ctx) => {
    const staff = signedIn(ctx)
    return transition(ctx, id, 'estimate', {
      note,
      before: async (trx) => {
        const settings = await readSettings(trx)
        if (!settings) throw new Error('settings missing')
        const totals = estimateTotals(lines, settings.taxRateBp, settings.pricesIncludeTax)
        const last = await trx.selectFrom('estimates').select('revision').where('ticket_id', '=', id).orderBy('revision', 'desc').limit(1).executeTakeFirst()
        const revision = (last?.revision ?? 0) + 1
        const estimate = await trx
          .insertInto('estimates')
          .values({
            ticket_id: id,
            revision,
            at_ms: ctx.nowMs,
            staff_id: staff.id,
            lines_minor: totals.linesMinor,
            net_minor: totals.netMinor,
            tax_minor: totals.taxMinor,
            total_minor: totals.totalMinor,
            tax_rate_bp: settings.taxRateBp,
            prices_include_tax: settings.pricesIncludeTax ? 1 : 0,
            note,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        for (const [index, line] of lines.entries()) {
          if (line.partId !== undefined && !(await findPartRow(trx, line.partId))) throw fieldError(['lines', index, 'partId'], 'errors.partNotFound', 'NOT_FOUND')
        }
        await trx
          .insertInto('estimate_lines')
          .values(
            lines.map((l, position) => ({
              estimate_id: estimate.id,
              position,
              kind: l.kind,
              description: l.description,
              quantity: l.quantity,
              unit_price_minor: l.unitPriceMinor,
              line_total_minor: l.quantity * l.unitPriceMinor,
              part_id: l.partId ?? null,
            })),
          )
          .execute()
        return { revision, totalMinor: totals.totalMinor, taxMinor: totals.taxMinor }
      },
    })
  },

  'tickets.decide': async ({ id, decision, via, diagnosisFeeMinor, note }, ctx) => {
    const staff = signedIn(ctx)
    if (decision === 'approved' && diagnosisFeeMinor !== undefined) throw fieldError(['diagnosisFeeMinor'], 'validation.feeOnlyWhenDeclined')
    return transition(ctx, id, decision === 'approved' ? 'approve' : 'decline', {
      note,
      before: async () => ({ decision, via, ...(diagnosisFeeMinor !== undefined && { diagnosisFeeMinor }) }),
      patch: () => ({
        customer_decision: decision,
        decision_via: via,
        decided_at_ms: ctx.nowMs,
        decided_by_staff_id: staff.id,
        diagnosis_fee_minor: diagnosisFeeMinor ?? null,
      }),
    })
  },

  'tickets.startRepair': async ({ id, note }, ctx) => transition(ctx, id, 'startRepair', { note, patch: () => ({ repair_started_at_ms: ctx.nowMs }) }),

  'tickets.complete': async ({ id, workDone, testResult, note }, ctx) => {
    const staff = signedIn(ctx)
    const { today, timeZone } = await shopDay(ctx.db, ctx.nowMs)
    return transition(ctx, id, 'complete', {
      note,
      before: async (trx, ticket) => {
        // What a warranty claim will need, captured at the moment the work is done.
        if (ticket.warranty_status !== 'in_warranty') return { workDone, testResult }
        const diagnosis = await latestDiagnosis(trx, id)
        if (!diagnosis) throw new Error(`ticket ${id} completed without a diagnosis`)
        const claimFacts = {
          receivedAtMs: ticket.received_at_ms,
          repairStartedAtMs: ticket.repair_started_at_ms,
          completedAtMs: ctx.nowMs,
          technicianId: staff.id,
          repairTier: diagnosis.repairTier,
          faultCodes: diagnosis.faultCodes,
        }
        // The manufacturer pays through a claim: built now, in the completion's transaction
        // (found later by its ticket; its own history records where it came from).
        await buildClaim(trx, ctx, id, claimFacts, timeZone)
        return { workDone, testResult, claimFacts }
      },
      patch: () => ({ completed_at_ms: ctx.nowMs, completed_business_date: today, completed_by_staff_id: signedIn(ctx).id, work_done: workDone, test_result: testResult }),
    })
  },

  'tickets.markReady': async ({ id, contactedVia, note }, ctx) =>
    transition(ctx, id, 'markReady', {
      note,
      before: async (_trx, ticket) => ({ contactedVia, outcome: ticket.status === 'declined' ? 'unrepaired' : 'repaired' }),
      patch: (ticket) => ({ ready_at_ms: ctx.nowMs, contacted_via: contactedVia, outcome: ticket.status === 'declined' ? 'unrepaired' : 'repaired' }),
    }),

  'tickets.collect': async ({ id, collectedBy, note, override }, ctx) => {
    const { today } = await shopDay(ctx.db, ctx.nowMs)
    // The owner's PIN is checked only when it is needed: money is owed (or a credit is due).
    const invoice = override ? await loadInvoice(ctx.db, await ticketOrFail(ctx.db, id)) : null
    const unsettled = invoice !== null && invoice.kind === 'paid' && invoice.balanceMinor !== 0
    const approver = override && unsettled ? await ownerApproval(ctx, override.approval, 'tickets.collect', ['override', 'approval']) : null
    let overrideNote: string | null = null
    return transition(ctx, id, 'collect', {
      note,
      before: async (trx, ticket) => {
        // Paid work leaves only when the invoice is settled, or with the owner's approval.
        const invoice = await loadInvoice(trx, ticket)
        if (invoice.kind === 'paid' && invoice.balanceMinor !== 0) {
          if (!override || !approver) {
            throw invoice.balanceMinor > 0
              ? new AppError('CONFLICT', 'errors.balanceDue', { balance: invoice.balanceMinor })
              : new AppError('CONFLICT', 'errors.creditDue', { credit: -invoice.balanceMinor })
          }
          overrideNote = override.reason
          return { collectedBy, override: { reason: override.reason, approvedBy: approver.id, balanceMinor: invoice.balanceMinor } }
        }
        return { collectedBy }
      },
      patch: () => ({ collected_at_ms: ctx.nowMs, collected_business_date: today, collected_by: collectedBy, ...(overrideNote !== null && { collect_override_note: overrideNote }) }),
    })
  },

  'tickets.cancel': async ({ id, reason }, ctx) =>
    transition(ctx, id, 'cancel', { note: reason, before: async () => ({ reason }), patch: () => ({ cancelled_at_ms: ctx.nowMs, cancel_reason: reason }) }),
}
