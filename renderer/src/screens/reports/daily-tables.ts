import type { TFunction } from 'i18next'
import { createElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { DailyClaimsDto, DailyReportDto, DrawerSessionSummaryDto } from '../../../../shared/dto/reports'
import type { TicketSummaryDto } from '../../../../shared/dto/tickets'
import { openTicketStatuses } from '../../../../shared/tickets'
import { moneyCell } from '../../csv'
import { ticketHref } from '../../routes'
import { deviceText } from '../../ticket-text'
import type { ReportFormat } from './report-format'
import { useColumnKit, type ColumnKit, type ReportColumn, type ReportTableSpec } from './report-table-spec'
import { revenueSplitTable } from './revenue-table'

// Every table of the daily report, defined once for the screen, the paper and the CSV files.

interface Takings {
  key: string
  label: string
  count: number
  paymentsMinor: number
  refundsMinor: number
  netMinor: number
}

interface Drawer {
  key: string
  label: string
  floatMinor: number
  expectedMinor: number
  countedMinor: number | null
  overShortMinor: number | null
  closedBy: string
}

interface Counted {
  key: string
  label: string
  count: number
}

interface WarrantyParts {
  key: string
  label: string
  quantity: number
  consigned: number
  shop: number
  shopCostMinor: number
}

interface ClaimLine {
  key: string
  label: string
  /** Null where the line has no count of its own (what is owed is money only). */
  count: number | null
  /** Null where the line has no amount (repairs completed, claims not yet sent). */
  amountMinor: number | null
}

interface ClaimFigures {
  key: 'count' | 'amount'
  label: string
}

export interface DailyTables {
  takings: ReportTableSpec<Takings>
  drawer: ReportTableSpec<Drawer>
  tickets: ReportTableSpec<Counted>
  open: ReportTableSpec<Counted>
  mix: ReportTableSpec<Counted>
  paidWork: ReturnType<typeof revenueSplitTable>
  warrantyParts: ReportTableSpec<WarrantyParts>
  claims: ReportTableSpec<ClaimLine>
  /** The same claim figures turned on their side for the paper: one column per figure, a row of counts and a row of amounts. */
  claimsAcross: ReportTableSpec<ClaimFigures>
  overdue: ReportTableSpec<TicketSummaryDto>
  repeats: ReportTableSpec<TicketSummaryDto>
}

export function useDailyTables(report: DailyReportDto, format: ReportFormat): DailyTables {
  const { t } = useTranslation()
  const kit = useColumnKit(format)
  /** The first column: each row's own name (a method, a status, a session…) under `header`. */
  const label = (header: string) => kit.text<{ label: string }>(header, (row) => row.label)
  const count = (header: string) => kit.count<Counted>(header, (row) => row.count)

  const takings = report.takings
  const drawer = report.drawer
  const countedRows = (rows: [string, string, number][]): Counted[] => rows.map(([key, text, n]) => ({ key, label: text, count: n }))

  return {
    takings: {
      name: 'takings',
      caption: t('reports.takings.caption'),
      columns: [
        label(t('reports.takings.method')),
        kit.count<Takings>(t('reports.takings.count'), (row) => row.count),
        kit.money<Takings>(t('reports.takings.payments'), (row) => row.paymentsMinor),
        kit.money<Takings>(t('reports.takings.refunds'), (row) => row.refundsMinor),
        kit.money<Takings>(t('reports.takings.net'), (row) => row.netMinor),
      ],
      rows: takings.totals.map((row) => ({ key: row.method, label: t(`payments.method.${row.method}`), ...row })),
      rowKey: (row) => row.key,
      total: {
        key: 'total',
        label: t('reports.total'),
        count: takings.totals.reduce((sum, row) => sum + row.count, 0),
        paymentsMinor: takings.paymentsMinor,
        refundsMinor: takings.refundsMinor,
        netMinor: takings.netMinor,
      },
      empty: t('reports.takings.empty'),
    },
    drawer: {
      name: 'cash-drawer',
      caption: t('reports.drawer.caption'),
      columns: [
        label(t('reports.drawer.openedBy')),
        kit.money<Drawer>(t('reports.drawer.float'), (row) => row.floatMinor),
        kit.money<Drawer>(t('reports.drawer.expected'), (row) => row.expectedMinor),
        kit.money<Drawer>(t('reports.drawer.counted'), (row) => row.countedMinor),
        overShortColumn(t('reports.drawer.overShort'), t('reports.csv.inCurrency', { label: t('reports.drawer.overShortSigned'), currency: format.currency }), format),
        kit.text<Drawer>(t('reports.drawer.closedBy'), (row) => row.closedBy),
      ],
      rows: drawer.sessions.map((session) => drawerRow(session, t('reports.drawer.session', { id: session.id, name: session.openedByName }))),
      rowKey: (row) => row.key,
      total: {
        key: 'total',
        label: t('reports.total'),
        floatMinor: drawer.sessions.reduce((sum, s) => sum + s.floatMinor, 0),
        expectedMinor: drawer.expectedMinor,
        countedMinor: drawer.countedMinor,
        overShortMinor: drawer.overShortMinor,
        closedBy: '',
      },
      empty: t('reports.drawer.empty'),
    },
    tickets: {
      name: 'tickets',
      caption: t('reports.tickets.caption'),
      columns: [label(t('reports.tickets.movement')), count(t('reports.tickets.count'))],
      rows: countedRows([
        ['received', t('reports.tickets.received'), report.tickets.received],
        ['completed', t('reports.tickets.completed'), report.tickets.completed],
        ['collected', t('reports.tickets.collected'), report.tickets.collected],
        ['cancelled', t('reports.tickets.cancelled'), report.tickets.cancelled],
      ]),
      rowKey: (row) => row.key,
      empty: '',
    },
    open: {
      name: 'open-tickets',
      caption: t('reports.open.caption'),
      columns: [label(t('reports.open.status')), count(t('reports.open.count'))],
      rows: countedRows(openTicketStatuses.filter((status) => report.openByStatus[status]).map((status) => [status, t(`ticketStatus.${status}`), report.openByStatus[status] ?? 0])),
      rowKey: (row) => row.key,
      total: { key: 'total', label: t('reports.total'), count: report.openTotal },
      empty: t('reports.open.empty'),
    },
    mix: {
      name: 'warranty-mix',
      caption: t('reports.mix.caption'),
      columns: [label(t('reports.mix.kind')), count(t('reports.mix.count'))],
      rows: countedRows([
        ['received-in', t('reports.mix.receivedInWarranty'), report.mix.received.in_warranty ?? 0],
        ['received-out', t('reports.mix.receivedOutOfWarranty'), report.mix.received.out_of_warranty ?? 0],
        ['received-void', t('reports.mix.receivedVoid'), report.mix.received.void ?? 0],
        ['completed-warranty', t('reports.mix.completedWarranty'), report.mix.completedWarranty],
        ['completed-paid', t('reports.mix.completedPaid'), report.mix.completedPaid],
      ]),
      rowKey: (row) => row.key,
      empty: '',
    },
    paidWork: revenueSplitTable(t, kit, report.paidWork, 'paid-work', t('reports.paidWork.caption'), t('reports.paidWork.empty')),
    warrantyParts: {
      name: 'warranty-parts',
      caption: t('reports.warrantyParts.caption'),
      columns: [
        label(t('reports.warrantyParts.manufacturer')),
        kit.count<WarrantyParts>(t('reports.warrantyParts.quantity'), (row) => row.quantity),
        kit.count<WarrantyParts>(t('reports.warrantyParts.consigned'), (row) => row.consigned),
        kit.count<WarrantyParts>(t('reports.warrantyParts.shop'), (row) => row.shop),
        kit.money<WarrantyParts>(t('reports.warrantyParts.shopCost'), (row) => row.shopCostMinor),
      ],
      rows: report.warrantyParts.map((row) => ({
        key: String(row.manufacturerId),
        label: row.manufacturerName,
        quantity: row.quantity,
        consigned: row.consignedQuantity,
        shop: row.shopQuantity,
        shopCostMinor: row.shopCostMinor,
      })),
      rowKey: (row) => row.key,
      empty: t('reports.warrantyParts.empty'),
    },
    claims: claimsTable(t, kit, report.claims),
    claimsAcross: claimsAcross(t, format, claimsTable(t, kit, report.claims)),
    overdue: {
      name: 'overdue',
      caption: t('reports.overdue.caption'),
      columns: [
        ticketColumn(t('reports.ticket.number')),
        kit.text<TicketSummaryDto>(t('reports.ticket.customer'), (row) => row.customerName),
        kit.text<TicketSummaryDto>(t('reports.ticket.phone'), (row) => row.customerPhone),
        kit.text<TicketSummaryDto>(t('reports.ticket.device'), deviceText),
        kit.text<TicketSummaryDto>(t('reports.ticket.status'), (row) => t(`ticketStatus.${row.status}`)),
        kit.text<TicketSummaryDto>(
          t('reports.ticket.promised'),
          (row) => row.promisedDate ?? '',
          (row) => format.date(row.promisedDate),
        ),
        kit.text<TicketSummaryDto>(t('reports.ticket.technician'), (row) => row.assignedStaffName ?? ''),
      ],
      rows: report.overdue,
      rowKey: (row) => row.id,
      empty: t('reports.overdue.empty'),
    },
    repeats: {
      name: 'repeats',
      caption: t('reports.repeats.caption'),
      columns: [
        ticketColumn(t('reports.ticket.number')),
        kit.text<TicketSummaryDto>(t('reports.ticket.customer'), (row) => row.customerName),
        kit.text<TicketSummaryDto>(t('reports.ticket.device'), deviceText),
        kit.text<TicketSummaryDto>(t('reports.ticket.warranty'), (row) => t(`warranty.status.${row.warrantyStatus}`)),
        kit.text<TicketSummaryDto>(t('reports.ticket.status'), (row) => t(`ticketStatus.${row.status}`)),
      ],
      rows: report.repeats,
      rowKey: (row) => row.id,
      empty: t('reports.repeats.empty'),
    },
  }
}

/**
 * The day's warranty claims, one line per figure: what went to the manufacturers, what they
 * answered and paid that day, what they still owed at its end, then the claims still to be sent.
 * Always shown, a quiet day included: claims are paid and owed whether the counter was busy or not.
 */
function claimsTable(t: TFunction, kit: ColumnKit, claims: DailyClaimsDto): ReportTableSpec<ClaimLine> {
  const lines: [string, string, number | null, number | null][] = [
    ['sent', t('reports.claims.sent'), claims.submittedCount, claims.submittedMinor],
    ['accepted', t('reports.claims.accepted'), claims.acceptedCount, claims.approvedMinor],
    ['rejected', t('reports.claims.rejected'), claims.rejectedCount, claims.rejectedMinor],
    ['paid', t('reports.claims.paid'), claims.paidCount, claims.paidMinor],
    ['owed', t('reports.claims.owed'), null, claims.receivableMinor],
    ['warranty-completed', t('reports.claims.warrantyCompleted'), claims.warrantyCompleted, null],
    ['unsent', t('reports.claims.unsent'), claims.unsent, null],
  ]
  return {
    name: 'warranty-claims',
    caption: t('reports.claims.caption'),
    columns: [
      kit.text<ClaimLine>(t('reports.claims.figure'), (row) => row.label),
      kit.count<ClaimLine>(t('reports.claims.count'), (row) => row.count),
      kit.money<ClaimLine>(t('reports.claims.amount'), (row) => row.amountMinor),
    ],
    rows: lines.map(([key, label, count, amountMinor]) => ({ key, label, count, amountMinor })),
    rowKey: (row) => row.key,
    empty: '',
  }
}

/** The claims table across the page: a short, wide table that costs the A4 page two lines, not seven. */
function claimsAcross(t: TFunction, format: ReportFormat, lines: ReportTableSpec<ClaimLine>): ReportTableSpec<ClaimFigures> {
  const value = (line: ClaimLine, row: ClaimFigures) => (row.key === 'count' ? line.count : line.amountMinor)
  const show = (line: ClaimLine, row: ClaimFigures) => {
    const figure = value(line, row)
    if (figure === null) return t('reports.none')
    return row.key === 'count' ? format.count(figure) : format.money(figure)
  }
  return {
    name: lines.name,
    caption: lines.caption,
    columns: [
      { header: t('reports.claims.figure'), cell: (row) => row.label, csv: (row) => row.label },
      ...lines.rows.map((line): ReportColumn<ClaimFigures> => ({ header: line.label, cell: (row) => show(line, row), csv: (row) => value(line, row) ?? '', numeric: true })),
    ],
    rows: [
      { key: 'count', label: t('reports.claims.count') },
      { key: 'amount', label: t('reports.claims.amount') },
    ],
    rowKey: (row) => row.key,
    empty: '',
  }
}

/** The ticket number as a link to its page on screen (and plain text in the CSV). */
function ticketColumn(header: string): ReportColumn<TicketSummaryDto> {
  return { header, cell: (row) => createElement('a', { href: ticketHref(row.id) }, row.number), csv: (row) => row.number }
}

function overShortColumn(header: string, csvHeader: string, format: ReportFormat): ReportColumn<Drawer> {
  return {
    header,
    csvHeader,
    cell: (row) => format.overShort(row.overShortMinor),
    csv: (row) => (row.overShortMinor === null ? '' : moneyCell(row.overShortMinor, format.currency)),
    numeric: true,
  }
}

function drawerRow(session: DrawerSessionSummaryDto, label: string): Drawer {
  return {
    key: String(session.id),
    label,
    floatMinor: session.floatMinor,
    expectedMinor: session.expectedMinor,
    countedMinor: session.countedMinor,
    overShortMinor: session.overShortMinor,
    closedBy: session.closedByName ?? '',
  }
}
