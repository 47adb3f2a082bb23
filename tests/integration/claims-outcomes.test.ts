import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, expectError, setUpShop, type Harness } from '../support/harness'
import { claimEventRows, day, motoClaimRules } from '../support/claims'
import { readyMotoClaims } from '../support/claim-batches'
import { manufacturerId } from '../support/stock'

// What comes back from the manufacturer: a batch marked submitted, answers on claims, a rejected
// claim corrected and sent again as its next revision, remittances paying many claims with the
// differences worked out, and what is still owed, kept as a running balance.

let h: Harness
let moto: number
beforeEach(async () => {
  h = await createHarness()
  await setUpShop(h)
  moto = await manufacturerId(h, 'MOTO')
  await motoClaimRules(h)
})
afterEach(() => h.close())

const today = '2026-11-27'
const balance = () => (h.ledger.sqlite.prepare('SELECT balance_minor FROM claim_receivables ORDER BY id DESC LIMIT 1').get() as { balance_minor: number } | undefined)?.balance_minor ?? 0
const batchStatus = (id: number) => (h.ledger.sqlite.prepare('SELECT status FROM claim_batches WHERE id = ?').get(id) as { status: string }).status

async function sentBatch() {
  const ids = await readyMotoClaims(h)
  const batch = await h.call('batches.create', { manufacturerId: moto, claimIds: ids })
  return { ids, batch }
}

describe('a batch sent by hand', () => {
  it('lists the parts to return and moves the batch and its claims to submitted, owed in full', async () => {
    const { ids, batch } = await sentBatch()
    expect(batch.returnParts).toEqual([expect.objectContaining({ claimNumber: batch.claims[0]!.number, partNumber: '5P68C22600', quantity: 1, shipped: false, returnBy: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })])
    expect(balance()).toBe(0)
    const submitted = await h.call('batches.markSubmitted', { id: batch.id, reference: 'PORTAL-77' })
    expect(submitted).toMatchObject({ status: 'submitted', submittedReference: 'PORTAL-77' })
    expect(submitted.claims.map((c) => c.status)).toEqual(['submitted', 'submitted', 'submitted'])
    expect(balance()).toBe(batch.totalMinor)
    const claim = await h.call('claims.get', { id: ids[0]! })
    expect(claim.events.at(-1)).toMatchObject({ kind: 'submitted', fromStatus: 'batched', toStatus: 'submitted' })
    expect(expectError(await h.raw('batches.markSubmitted', { id: batch.id }))).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.batchNotOpen' })
  })
})

describe('claims.recordOutcome', () => {
  it('accepts with the approved amount and rejects with the reason; owed follows each answer', async () => {
    const { ids, batch } = await sentBatch()
    const [a, b, c] = ids as [number, number, number]
    const claims = await Promise.all(ids.map((id) => h.call('claims.get', { id })))
    // Answering a claim of a batch still open submits the whole batch first.
    const accepted = await h.call('claims.recordOutcome', { id: a, outcome: 'accepted', approvedMinor: claims[0]!.totalMinor - 500, reference: 'MOT-1' })
    expect(accepted).toMatchObject({ status: 'accepted', approvedMinor: claims[0]!.totalMinor - 500, manufacturerRef: 'MOT-1' })
    expect(batchStatus(batch.id)).toBe('submitted')
    expect(balance()).toBe(batch.totalMinor - 500)

    const rejected = await h.call('claims.recordOutcome', { id: b, outcome: 'rejected', reason: 'IMEI 与保修记录不符' })
    expect(rejected).toMatchObject({ status: 'rejected', rejectionReason: 'IMEI 与保修记录不符', approvedMinor: null })
    expect(balance()).toBe(batch.totalMinor - 500 - claims[1]!.totalMinor)
    // Default approved amount: what was claimed.
    expect(await h.call('claims.recordOutcome', { id: c, outcome: 'accepted' })).toMatchObject({ approvedMinor: claims[2]!.totalMinor })
    expect(expectError(await h.raw('claims.recordOutcome', { id: c, outcome: 'rejected', reason: 'late' }))).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.claimNotAwaitingAnswer' })
  })

  it('refuses bad input naming the field, and writes nothing', async () => {
    const { ids } = await sentBatch()
    const before = h.digest()
    const issue = async (input: Record<string, unknown>) => expectError(await h.raw('claims.recordOutcome', { id: ids[0], ...input })).issues?.[0]
    expect(await issue({ outcome: 'rejected' })).toMatchObject({ path: ['reason'], messageKey: 'validation.rejectionReason' })
    expect(await issue({ outcome: 'rejected', reason: 'x', approvedMinor: 5 })).toMatchObject({ path: ['approvedMinor'], messageKey: 'validation.approvedOnRejection' })
    expect(await issue({ outcome: 'maybe' })).toMatchObject({ path: ['outcome'], messageKey: 'validation.claimOutcome' })
    expect(await issue({ outcome: 'accepted', approvedMinor: -1 })).toMatchObject({ path: ['approvedMinor'] })
    expect(await issue({ outcome: 'accepted', date: '2026-11-28' })).toMatchObject({ path: ['date'], messageKey: 'errors.claimDateInFuture' })
    expect(expectError(await h.raw('claims.recordOutcome', { id: 9999, outcome: 'accepted' }))).toMatchObject({ code: 'NOT_FOUND' })
    expect(h.digest()).toBe(before)
  })
})

describe('a rejected claim resubmitted', () => {
  it('is corrected as its next revision, batched again and paid, keeping its history', async () => {
    const { ids, batch } = await sentBatch()
    const id = ids[1]!
    await h.call('claims.recordOutcome', { id, outcome: 'rejected', reason: '缺少购机发票' })
    const corrected = await h.call('claims.update', { id, proofOfPurchaseRef: 'INV-2026-0301', note: '补发票号' })
    expect(corrected).toMatchObject({ status: 'draft', revision: 2, rejectionReason: '', approvedMinor: null })
    // The first batch had nothing else waiting on this claim: the others are still owed.
    expect(batchStatus(batch.id)).toBe('submitted')
    expect((await h.call('claims.validate', { id })).status).toBe('ready')
    const second = await h.call('batches.create', { manufacturerId: moto, claimIds: [id] })
    expect(second.claims[0]).toMatchObject({ revision: 2 })
    await h.call('batches.markSubmitted', { id: second.id })
    const paid = await h.call('claims.recordPayment', { manufacturerId: moto, reference: 'RA-1', paidDate: today, lines: [{ claimId: id, amountMinor: corrected.totalMinor }] })
    expect(paid.lines[0]).toMatchObject({ revision: 2, differenceMinor: 0 })
    expect(batchStatus(second.id)).toBe('closed')
    const kinds = claimEventRows(h, id).map((e) => `${e.kind}:${e.revision}`)
    expect(kinds).toEqual(expect.arrayContaining(['batched:1', 'submitted:1', 'rejected:1', 'edited:2', 'validated:2', 'batched:2', 'submitted:2', 'paid:2']))
    expect(kinds.indexOf('rejected:1')).toBeLessThan(kinds.indexOf('edited:2'))
  })

  it('can be sent again unchanged with a note', async () => {
    const { ids } = await sentBatch()
    await h.call('claims.recordOutcome', { id: ids[2]!, outcome: 'rejected', reason: 'duplicate?' })
    expect(await h.call('claims.update', { id: ids[2]!, note: '厂家误判，原样重报' })).toMatchObject({ status: 'draft', revision: 2 })
    // A note alone on a draft changes nothing.
    const before = h.digest()
    await h.call('claims.update', { id: ids[2]!, note: 'again' })
    expect(h.digest()).toBe(before)
  })
})

describe('claims.recordPayment (remittances)', () => {
  it('previews the differences without writing, then records them; the batch closes when all are settled', async () => {
    const { ids, batch } = await sentBatch()
    const [a, b, c] = ids as [number, number, number]
    const claims = await Promise.all(ids.map((id) => h.call('claims.get', { id })))
    await h.call('batches.markSubmitted', { id: batch.id })
    await h.call('claims.recordOutcome', { id: a, outcome: 'accepted', approvedMinor: claims[0]!.totalMinor - 1000 })
    await h.call('claims.recordOutcome', { id: c, outcome: 'rejected', reason: 'out of warranty' })
    const input = { manufacturerId: moto, reference: 'RA-2026-11', paidDate: today, lines: [{ claimId: a, amountMinor: claims[0]!.totalMinor - 1000 }, { claimId: b, amountMinor: claims[1]!.totalMinor - 250 }] }

    const before = h.digest()
    const preview = await h.call('claims.recordPayment', { ...input, preview: true })
    expect(h.digest()).toBe(before)
    expect(preview.id).toBeNull()
    expect(preview.lines.map((l) => [l.claimNumber, l.claimedMinor, l.approvedMinor, l.paidBeforeMinor, l.amountMinor, l.differenceMinor])).toEqual([
      [claims[0]!.number, claims[0]!.totalMinor, claims[0]!.totalMinor - 1000, 0, claims[0]!.totalMinor - 1000, 0],
      [claims[1]!.number, claims[1]!.totalMinor, null, 0, claims[1]!.totalMinor - 250, -250],
    ])
    expect(preview.totalMinor).toBe(claims[0]!.totalMinor - 1000 + claims[1]!.totalMinor - 250)
    expect(preview.differenceMinor).toBe(-250)

    const recorded = await h.call('claims.recordPayment', input)
    expect(recorded).toMatchObject({ id: expect.any(Number), lines: preview.lines, totalMinor: preview.totalMinor, enteredBy: '王店主' })
    expect((await h.call('claims.get', { id: b })).paidMinor).toBe(claims[1]!.totalMinor - 250)
    expect((await h.call('claims.get', { id: b })).status).toBe('paid')
    // Paid claims owe nothing more (the 2.50 short is a shortfall, not a debt); the rejected one never did.
    expect(balance()).toBe(0)
    expect(batchStatus(batch.id)).toBe('closed')
    expect((await h.call('claims.remittances', {})).items.map((r) => r.reference)).toEqual(['RA-2026-11'])

    // A second instalment and a reversal of a line entered in error are new rows, never edits.
    const top = await h.call('claims.recordPayment', { manufacturerId: moto, reference: 'RA-2026-12', paidDate: today, lines: [{ claimId: b, amountMinor: 250 }] })
    expect(top.lines[0]).toMatchObject({ paidBeforeMinor: claims[1]!.totalMinor - 250, paidAfterMinor: claims[1]!.totalMinor, differenceMinor: 0 })
    const refused = expectError(await h.raw('claims.recordPayment', { manufacturerId: moto, reference: 'RA-X', paidDate: today, lines: [{ claimId: b, amountMinor: -(claims[1]!.totalMinor + 1) }] }))
    expect(refused.issues?.[0]).toMatchObject({ path: ['lines', 0, 'amountMinor'], messageKey: 'errors.remittanceReversalTooLarge' })
  })

  it('refuses bad remittances naming the line, and writes nothing', async () => {
    const { ids } = await sentBatch()
    const other = await h.call('manufacturers.create', { code: 'OPPO', name: 'OPPO', warrantyMonths: 12, proofRequired: true, claimWindowDays: 30 })
    await h.call('claims.recordPayment', { manufacturerId: moto, reference: 'USED', paidDate: today, lines: [{ claimId: ids[0]!, amountMinor: 100 }] })
    const before = h.digest()
    const issue = async (input: Record<string, unknown>) => expectError(await h.raw('claims.recordPayment', { manufacturerId: moto, reference: 'RA-9', paidDate: today, lines: [{ claimId: ids[1], amountMinor: 100 }], ...input })).issues?.[0]
    expect(await issue({ reference: 'USED' })).toMatchObject({ path: ['reference'], messageKey: 'errors.remittanceReferenceUsed' })
    expect(await issue({ manufacturerId: other.id })).toMatchObject({ path: ['lines', 0, 'claimId'], messageKey: 'errors.remittanceClaimOtherManufacturer' })
    expect(await issue({ lines: [{ claimId: 9999, amountMinor: 1 }] })).toMatchObject({ path: ['lines', 0, 'claimId'], messageKey: 'errors.remittanceClaimNotFound' })
    expect(await issue({ lines: [{ claimId: ids[1], amountMinor: 0 }] })).toMatchObject({ path: ['lines', 0, 'amountMinor'], messageKey: 'validation.amountZero' })
    expect(await issue({ lines: [{ claimId: ids[1], amountMinor: 1.5 }] })).toMatchObject({ path: ['lines', 0, 'amountMinor'] })
    expect(await issue({ lines: [{ claimId: ids[1], amountMinor: 1 }, { claimId: ids[1], amountMinor: 2 }] })).toMatchObject({ path: ['lines', 1, 'claimId'], messageKey: 'validation.remittanceClaimRepeated' })
    expect(await issue({ lines: [] })).toMatchObject({ path: ['lines'], messageKey: 'validation.remittanceLines' })
    expect(await issue({ reference: '' })).toMatchObject({ path: ['reference'], messageKey: 'validation.required' })
    expect(await issue({ paidDate: '2026-11-28' })).toMatchObject({ path: ['paidDate'], messageKey: 'errors.claimDateInFuture' })
    expect(h.digest()).toBe(before)
  })
})

describe('claims in the reports', () => {
  it('counts what was sent, answered and paid each day, and what is owed at each day’s end', async () => {
    const { ids, batch } = await sentBatch()
    const claims = await Promise.all(ids.map((id) => h.call('claims.get', { id })))
    await h.call('batches.markSubmitted', { id: batch.id })
    h.clock.advance(day)
    await h.call('claims.recordOutcome', { id: ids[0]!, outcome: 'accepted', approvedMinor: claims[0]!.totalMinor - 1000 })
    await h.call('claims.recordOutcome', { id: ids[1]!, outcome: 'rejected', reason: 'no proof' })
    h.clock.advance(day)
    await h.call('claims.recordPayment', { manufacturerId: moto, reference: 'RA-1', paidDate: '2026-11-29', lines: [{ claimId: ids[0]!, amountMinor: claims[0]!.totalMinor - 1200 }] })

    const first = (await h.call('reports.daily', { date: '2026-11-27' })).claims
    expect(first).toMatchObject({ warrantyCompleted: 3, unsent: 0, submittedCount: 3, submittedMinor: batch.totalMinor, acceptedCount: 0, rejectedCount: 0, paidMinor: 0, receivableMinor: batch.totalMinor })
    const second = (await h.call('reports.daily', { date: '2026-11-28' })).claims
    expect(second).toMatchObject({ submittedCount: 0, acceptedCount: 1, approvedMinor: claims[0]!.totalMinor - 1000, rejectedCount: 1, rejectedMinor: claims[1]!.totalMinor, receivableMinor: batch.totalMinor - 1000 - claims[1]!.totalMinor })
    const third = (await h.call('reports.daily', { date: '2026-11-29' })).claims
    expect(third).toMatchObject({ paidCount: 1, paidMinor: claims[0]!.totalMinor - 1200, receivableMinor: claims[2]!.totalMinor })
    // Yesterday reads the same today.
    expect((await h.call('reports.daily', { date: '2026-11-28' })).claims).toEqual(second)

    const period = (await h.call('reports.period', { from: '2026-11-27', to: '2026-11-29' })).claims
    expect(period).toMatchObject({ submittedCount: 3, acceptedCount: 1, rejectedCount: 1, rejectionRate: 0.5, paidMinor: claims[0]!.totalMinor - 1200, shortPaidMinor: 200, receivableMinor: claims[2]!.totalMinor })
    expect(period.daysToPayment).toEqual({ count: 1, medianDays: 2, p90Days: 2 })
    expect(period.byManufacturer).toEqual([expect.objectContaining({ manufacturerId: moto, receivableMinor: claims[2]!.totalMinor, rejectionRate: 0.5 })])
    // Owed at the end of the first day, seen from a later period's end.
    expect((await h.call('reports.period', { from: '2026-11-27', to: '2026-11-27' })).claims.byManufacturer[0]).toMatchObject({ receivableMinor: batch.totalMinor })
  })
})
