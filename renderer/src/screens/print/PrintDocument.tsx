import type { ShopSettingsDto } from '../../../../shared/dto/settings'
import type { TicketDetailDto } from '../../../../shared/dto/tickets'
import type { TicketWorkDto } from '../../../../shared/dto/workflow'
import type { PrintLayout } from '../../routes'
import { DeviceLabel } from './DeviceLabel'
import { HandbackReceipt } from './HandbackReceipt'
import { IntakeReceipt } from './IntakeReceipt'
import { JobSheet } from './JobSheet'

/** Layouts printed from the repair workflow: they need the ticket's work state as well. */
export function needsWork(layout: PrintLayout): boolean {
  return layout === 'job-sheet' || layout === 'handback-80' || layout === 'handback-a4'
}

/** The paper for one layout; `work` is present whenever needsWork(layout). */
export function PrintDocument({ layout, ticket, shop, work }: { layout: PrintLayout; ticket: TicketDetailDto; shop: ShopSettingsDto; work: TicketWorkDto | undefined }) {
  switch (layout) {
    case 'label':
      return <DeviceLabel ticket={ticket} shop={shop} />
    case 'receipt-80':
    case 'receipt-a4':
      return <IntakeReceipt ticket={ticket} shop={shop} size={layout === 'receipt-80' ? '80' : 'a4'} />
    case 'job-sheet':
      return work ? <JobSheet ticket={ticket} work={work} shop={shop} /> : null
    case 'handback-80':
    case 'handback-a4':
      return work ? <HandbackReceipt ticket={ticket} work={work} shop={shop} size={layout === 'handback-80' ? '80' : 'a4'} /> : null
  }
}
