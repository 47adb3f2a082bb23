import { screen, within } from '@testing-library/react'
import type { DiagnosisDto } from '../../shared/dto/workflow'
import type { TicketStatus } from '../../shared/tickets'
import type { TicketRecord } from './fake-ledger'
import { seededServer } from './intake-fixtures'

// A shop with tickets at chosen points of the repair workflow. The fake's "today" is 2026-11-27.

export const inWarranty: TicketRecord['warranty'] = { status: 'in_warranty', reason: 'within_period', endsOn: '2027-03-01', overrideNote: null }

export const sampleDiagnosis: DiagnosisDto = {
  atMs: Date.UTC(2026, 10, 26, 2, 0),
  staffName: 'Wang Fang',
  findings: 'Display connector corroded',
  faultCodes: { condition: '1', symptom: 'S03', defect: 'D02', repair: 'R02' },
  repairTier: 'L2',
  warrantyDecision: 'voided',
  voidReason: 'liquid_damage',
}

export function workshop(signedInAs: 'Li Wei' | 'Wang Fang' = 'Li Wei') {
  const seeded = seededServer(signedInAs)
  const { ledger } = seeded.server
  /** A ticket of 张敏's Galaxy in `status`; paid work unless `warranty` says in warranty. */
  const ticketAt = (status: TicketStatus, extra: Partial<TicketRecord> = {}) => ledger.addTicket({ customerId: seeded.zhang.id, deviceId: seeded.phone.id, status, ...extra })
  return { ...seeded, ledger, ticketAt }
}

export function openTicketPage(id: number) {
  window.history.replaceState(null, '', `/#/tickets/${id}`)
}

/** The buttons the work panel offers, in order. */
export async function offeredSteps(): Promise<string[]> {
  const group = await screen.findByRole('group', { name: 'Next steps' })
  return within(group)
    .getAllByRole('button')
    .map((button) => button.textContent?.replace('Alt+N', '').trim() ?? '')
}

/** The amount shown beside a label of a description list (e.g. the estimate form's live totals). */
export function factValue(container: HTMLElement, label: string): string | null | undefined {
  return within(container).getByText(label, { selector: 'dt' }).nextElementSibling?.textContent
}
