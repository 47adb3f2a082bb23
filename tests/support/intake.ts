import type { InputOf } from '../../shared/contract'
import type { Harness } from './harness'

/** The id of a seeded default model, found the way the counter finds it. */
export async function modelId(h: Harness, query: string): Promise<number> {
  const [model] = await h.call('models.search', { query })
  if (!model) throw new Error(`no seeded model matches ${query}`)
  return model.id
}

/** A complete intake of a new customer's new phone; override any part. */
export async function newPhoneIntake(h: Harness, overrides: Partial<InputOf<'tickets.intake'>> = {}): Promise<InputOf<'tickets.intake'>> {
  return {
    customer: { new: { name: '张三', phone: '138 0013 8000' } },
    device: { new: { modelId: await modelId(h, 'moto g54'), imei: '490154203237518' }, purchaseDate: '2026-03-01', proofOfPurchaseRef: 'JD-2026-0301-77' },
    reportedFault: '充电时不开机 / no power when charging',
    condition: ['screen_cracked', 'dents'],
    conditionNotes: '左下角有划痕',
    accessories: ['charger', 'case', '蓝色挂绳'],
    passcodeProvided: true,
    promisedDate: '2026-11-30',
    ...overrides,
  }
}
