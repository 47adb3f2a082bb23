import type { InputOf } from '../../shared/contract'
import type { Harness } from './harness'
import { modelId, newPhoneIntake } from './intake'

export const codes = { condition: '1', symptom: 'S01', defect: 'D04', repair: 'R04' }

/** A ticket for a phone in warranty (Motorola, bought this year with an invoice). */
export async function warrantyTicket(h: Harness, serial = `W-${Math.random().toString(36).slice(2, 10).toUpperCase()}`) {
  return h.call('tickets.intake', await newPhoneIntake(h, { device: { new: { modelId: await modelId(h, 'moto g54'), serial }, purchaseDate: '2026-03-01', proofOfPurchaseRef: 'INV-1' } }))
}

/** A ticket for paid work (no purchase date, so out of warranty). */
export async function paidTicket(h: Harness, serial = `P-${Math.random().toString(36).slice(2, 10).toUpperCase()}`) {
  return h.call('tickets.intake', await newPhoneIntake(h, { device: { new: { modelId: await modelId(h, 'Galaxy S24'), serial }, purchaseDate: null } }))
}

export const diagnosis = (id: number, extra: Partial<InputOf<'tickets.diagnose'>> = {}): InputOf<'tickets.diagnose'> => ({
  id,
  findings: '尾插氧化，充电板接触不良 / corroded charging port',
  faultCodes: codes,
  repairTier: 'L2',
  ...extra,
})
