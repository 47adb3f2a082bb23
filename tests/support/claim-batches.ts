import type { Harness } from './harness'
import { claimIdOf, completedWarrantyRepair } from './claims'
import { modelId, newPhoneIntake } from './intake'
import { diagnosis } from './workflow'

/** A completed Motorola warranty repair with no parts (labour only), its claim still draft. */
export async function labourOnlyClaim(h: Harness) {
  const ticket = await h.call('tickets.intake', await newPhoneIntake(h, { device: { new: { modelId: await modelId(h, 'moto g54'), serial: `SN-${Math.random().toString(36).slice(2, 9)}` }, purchaseDate: '2026-03-01', proofOfPurchaseRef: 'INV-1' }, promisedDate: null }))
  await h.call('tickets.diagnose', { ...diagnosis(ticket.id), warranty: { decision: 'confirm', note: '' } })
  await h.call('tickets.startRepair', { id: ticket.id })
  await h.call('tickets.complete', { id: ticket.id, workDone: '清洁尾插', testResult: 'passed' })
  return { ticket, claimId: claimIdOf(h, ticket.id) }
}

/** Three ready Motorola claims: one with a consigned board and shop flex cables, two labour only. */
export async function readyMotoClaims(h: Harness): Promise<number[]> {
  const withParts = await completedWarrantyRepair(h)
  const ids = [withParts.claimId, (await labourOnlyClaim(h)).claimId, (await labourOnlyClaim(h)).claimId]
  for (const id of ids) {
    const checked = await h.call('claims.validate', { id })
    if (checked.status !== 'ready') throw new Error(`claim ${id} not ready: ${JSON.stringify(checked.problems)}`)
  }
  return ids
}
