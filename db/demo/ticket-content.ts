import { conditionCodes, type ConditionCode, type DeviceCategory } from '../../shared/tickets'
import { dateOf, dayOf } from './calendar'
import type { Rng } from './random'
import { conditionNotes, faultsEn, faultsZh } from './vocabulary'

// What the counter writes on a ticket besides who and what: the fault in the customer's words,
// the condition checklist, accessories left with the device, the promised date.

export interface TicketContent {
  reportedFault: string
  conditionJson: string
  conditionNotes: string
  accessoriesJson: string
  passcodeProvided: number
  promisedDate: string | null
  notes: string
}

const ticketNotes = ['加急', '客户要求保留数据', '需要备用机', '修好后电话通知', '老客户，优先处理', 'Customer speaks English']

export function ticketContent(rng: Rng, receivedDate: string, category: DeviceCategory, english: boolean, inWarranty: boolean): TicketContent {
  const fault = english && rng.chance(0.8) ? rng.pick(faultsEn) : rng.pick(faultsZh)
  return {
    reportedFault: fault,
    conditionJson: JSON.stringify(condition(rng, fault)),
    conditionNotes: rng.pick(conditionNotes),
    accessoriesJson: JSON.stringify(accessories(rng, category)),
    passcodeProvided: category === 'laptop' || rng.chance(0.55) ? 1 : 0,
    // Plain day arithmetic (what addDaysToDate does, without its date-fns cost on 180 000 tickets).
    promisedDate: rng.chance(0.92) ? dateOf(dayOf(receivedDate) + (inWarranty ? 3 : 2) + rng.int(0, 2)) : null,
    notes: rng.chance(0.08) ? rng.pick(ticketNotes) : '',
  }
}

function condition(rng: Rng, fault: string): ConditionCode[] {
  const found = new Set<ConditionCode>()
  if (/碎|Cracked|broken/i.test(fault)) found.add(/后盖|Back/i.test(fault) ? 'back_cracked' : 'screen_cracked')
  if (/水|马桶|water/i.test(fault) && rng.chance(0.7)) found.add('liquid_indicator_tripped')
  if (/无法开机|no power|无显示/i.test(fault)) found.add('no_power')
  while (rng.chance(0.3)) found.add(rng.pick(conditionCodes))
  return conditionCodes.filter((c) => found.has(c))
}

function accessories(rng: Rng, category: DeviceCategory): string[] {
  if (category === 'laptop') return rng.chance(0.75) ? ['charger'] : []
  const chosen = rng.weighted<readonly string[]>([
    [[], 50],
    [['case'], 16],
    [['sim_card'], 12],
    [['case', 'sim_card'], 8],
    [['charger', 'cable'], 8],
    [['memory_card'], 2],
    [['box', 'charger', 'cable'], 3],
    [['stylus'], category === 'tablet' ? 6 : 0],
    [['充电宝'], 1], // free text, as the counter types what is not on the list
  ])
  return [...chosen]
}
