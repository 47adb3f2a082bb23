// The report channels of the renderer tests' fake ledger: fixed reports with hand-picked figures,
// so a test can say exactly which number must appear where. The real figures are computed and
// checked by the ledger's integration tests; here only the screens are under test.
import type { DailyReportDto, PeriodReportDto } from '../../shared/dto/reports'
import type { TicketSummaryDto } from '../../shared/dto/tickets'
import type { Result } from '../../shared/errors'

/** The fake's "today" (fixedNowMs in Shanghai): a busy day. */
export const busyDate = '2026-11-27'
/** The day before: one cash payment and one ticket in. */
export const smallDate = '2026-11-26'
/** Nothing at the counter, but a manufacturer paid a claim: not a quiet day. */
export const claimsOnlyDate = '2026-11-24'

const shop = { name: 'Bright Fix', address: '1 Market St', phone: '021-5555-0101', currency: 'CNY' }

function summary(id: number, number: string, extra: Partial<TicketSummaryDto>): TicketSummaryDto {
  return {
    id,
    number,
    status: 'in_repair',
    warrantyStatus: 'out_of_warranty',
    receivedAtMs: Date.UTC(2026, 10, 20, 2),
    receivedDate: '2026-11-20',
    promisedDate: null,
    overdue: false,
    customerName: 'Zhang San',
    customerPhone: '13800138000',
    manufacturerName: 'Samsung',
    modelName: 'Galaxy S24',
    imei: null,
    serial: 'R5CW70ABCDE',
    assignedStaffName: null,
    repeatOfTicketId: null,
    ...extra,
  }
}

const noClaimMovement = { submittedCount: 0, submittedMinor: 0, acceptedCount: 0, approvedMinor: 0, rejectedCount: 0, rejectedMinor: 0, paidCount: 0, paidMinor: 0 }

/** Claims per manufacturer in the period, in the ledger's order (by name), with the ledger's totals. */
export const periodClaims: PeriodReportDto['claims'] = {
  submittedCount: 13,
  submittedMinor: 508_300,
  acceptedCount: 7,
  rejectedCount: 3,
  rejectionRate: 0.3,
  paidMinor: 310_500,
  daysToPayment: { count: 6, medianDays: 15, p90Days: 41 },
  receivableMinor: 316_450,
  shortPaidMinor: 4_250,
  byManufacturer: [
    {
      manufacturerId: 3,
      manufacturerName: 'Motorola',
      submittedCount: 0,
      submittedMinor: 0,
      acceptedCount: 0,
      rejectedCount: 1,
      rejectionRate: 1,
      paidMinor: 12_500,
      daysToPayment: { count: 1, medianDays: 7, p90Days: 7 },
      receivableMinor: 0,
    },
    {
      manufacturerId: 1,
      manufacturerName: 'Samsung',
      submittedCount: 9,
      submittedMinor: 412_300,
      acceptedCount: 6,
      rejectedCount: 2,
      rejectionRate: 0.25,
      paidMinor: 298_000,
      daysToPayment: { count: 5, medianDays: 18, p90Days: 41 },
      receivableMinor: 220_450,
    },
    {
      manufacturerId: 2,
      manufacturerName: 'Xiaomi',
      submittedCount: 4,
      submittedMinor: 96_000,
      acceptedCount: 1,
      rejectedCount: 0,
      rejectionRate: 0,
      paidMinor: 0,
      daysToPayment: { count: 0, medianDays: null, p90Days: null },
      receivableMinor: 96_000,
    },
  ],
}

const emptyRevenue = { tickets: 0, labourMinor: 0, partsMinor: 0, feesMinor: 0, taxMinor: 0, totalMinor: 0, netMinor: 0, partsCostMinor: 0, grossMarginMinor: 0 }

/** A day with nothing recorded: only a ticket still open from before. */
export function quietDay(date: string): DailyReportDto {
  return {
    date,
    shop,
    takings: { totals: [], paymentsMinor: 0, refundsMinor: 0, netMinor: 0 },
    drawer: { sessions: [], expectedMinor: 0, countedMinor: null, overShortMinor: null },
    tickets: { received: 0, completed: 0, collected: 0, cancelled: 0 },
    openByStatus: { in_repair: 1 },
    openTotal: 1,
    mix: { received: {}, completedWarranty: 0, completedPaid: 0 },
    paidWork: emptyRevenue,
    warrantyParts: [],
    // Nothing sent, answered or paid (a quiet day), but claims still owed and still to send.
    claims: { ...noClaimMovement, warrantyCompleted: 0, unsent: 3, receivableMinor: 41_000 },
    overdue: [],
    repeats: [],
  }
}

export const busyDay: DailyReportDto = {
  date: busyDate,
  shop,
  takings: {
    totals: [
      { method: 'cash', paymentsMinor: 45_000, refundsMinor: 2_000, netMinor: 43_000, count: 3 },
      { method: 'card', paymentsMinor: 12_000, refundsMinor: 12_000, netMinor: 0, count: 2 },
      { method: 'wechat', paymentsMinor: 88_050, refundsMinor: 0, netMinor: 88_050, count: 2 },
    ],
    paymentsMinor: 145_050,
    refundsMinor: 14_000,
    netMinor: 131_050,
  },
  drawer: {
    sessions: [{ id: 1, openedByName: 'Li Wei', floatMinor: 50_000, expectedMinor: 93_000, countedMinor: 92_900, overShortMinor: -100, closedByName: 'Li Wei' }],
    expectedMinor: 93_000,
    countedMinor: 92_900,
    overShortMinor: -100,
  },
  tickets: { received: 6, completed: 3, collected: 2, cancelled: 1 },
  openByStatus: { received: 2, in_repair: 3, ready: 1 },
  openTotal: 6,
  mix: { received: { in_warranty: 2, out_of_warranty: 3, void: 1 }, completedWarranty: 1, completedPaid: 2 },
  paidWork: { tickets: 2, labourMinor: 30_000, partsMinor: 98_000, feesMinor: 2_000, taxMinor: 14_956, totalMinor: 130_000, netMinor: 115_044, partsCostMinor: 60_000, grossMarginMinor: 55_044 },
  warrantyParts: [{ manufacturerId: 1, manufacturerName: 'Samsung', quantity: 2, consignedQuantity: 1, shopQuantity: 1, shopCostMinor: 9_000 }],
  claims: {
    warrantyCompleted: 1,
    unsent: 4,
    submittedCount: 3,
    submittedMinor: 126_400,
    acceptedCount: 2,
    approvedMinor: 81_250,
    rejectedCount: 1,
    rejectedMinor: 18_800,
    paidCount: 2,
    paidMinor: 64_000,
    receivableMinor: 352_575,
  },
  overdue: [summary(3, 'R2611-0003', { promisedDate: '2026-11-25', overdue: true, assignedStaffName: 'Wang Fang' })],
  repeats: [
    summary(9, 'R2611-0009', {
      status: 'received',
      warrantyStatus: 'in_warranty',
      customerName: 'Chen Jing',
      manufacturerName: 'Xiaomi',
      modelName: 'Redmi Note 13',
      receivedDate: busyDate,
      repeatOfTicketId: 2,
    }),
  ],
}

export const smallDay: DailyReportDto = {
  ...quietDay(smallDate),
  takings: { totals: [{ method: 'cash', paymentsMinor: 20_000, refundsMinor: 0, netMinor: 20_000, count: 1 }], paymentsMinor: 20_000, refundsMinor: 0, netMinor: 20_000 },
  tickets: { received: 1, completed: 0, collected: 0, cancelled: 0 },
  mix: { received: { out_of_warranty: 1 }, completedWarranty: 0, completedPaid: 0 },
}

export const claimsOnlyDay: DailyReportDto = {
  ...quietDay(claimsOnlyDate),
  claims: { ...noClaimMovement, warrantyCompleted: 0, unsent: 3, paidCount: 1, paidMinor: 30_000, receivableMinor: 71_000 },
}

export function periodReport(from: string, to: string): PeriodReportDto {
  return {
    from,
    to,
    turnaround: {
      all: { count: 12, medianHours: 26.5, p90Hours: 70.2 },
      warranty: { count: 5, medianHours: 30, p90Hours: 72 },
      paid: { count: 7, medianHours: 20.5, p90Hours: 48 },
    },
    onTime: { withPromise: 10, onTime: 8, rate: 0.8 },
    repeats: { warrantyCompleted: 5, within30: 1, within90: 2, rate30: 0.2, rate90: 0.4 },
    firstTimeFix: { repaired: 12, fixedFirstTime: 11, rate: 11 / 12 },
    technicians: [
      { staffId: 2, name: 'Wang Fang', completed: 8, warranty: 3, paid: 5, revenueNetMinor: 200_000 },
      { staffId: 1, name: 'Li Wei', completed: 4, warranty: 2, paid: 2, revenueNetMinor: 88_500 },
    ],
    topFaults: [
      { code: 'D04', description: 'Charging port corroded', count: 5 },
      { code: 'D01', description: 'Display cracked', count: 4 },
    ],
    topModels: [
      { modelName: 'Galaxy S24', manufacturerName: 'Samsung', count: 6 },
      { modelName: 'Redmi Note 13', manufacturerName: 'Xiaomi', count: 4 },
    ],
    parts: [{ partId: 1, sku: 'SCR-S24', name: 'Galaxy S24 display assembly', quantity: 3, shopCostMinor: 180_000 }],
    byKind: [
      { tier: 'L2', warranty: false, tickets: 5, revenueNetMinor: 200_000, partsCostMinor: 120_000, grossMarginMinor: 80_000 },
      { tier: 'L2', warranty: true, tickets: 3, revenueNetMinor: 0, partsCostMinor: 9_000, grossMarginMinor: -9_000 },
    ],
    revenue: { tickets: 7, labourMinor: 90_000, partsMinor: 230_000, feesMinor: 0, taxMinor: 36_814, totalMinor: 320_000, netMinor: 283_186, partsCostMinor: 120_000, grossMarginMinor: 163_186 },
    claims: periodClaims,
  }
}

/** Answers reports.daily and reports.period (input already parsed and access already checked); undefined for other channels. */
export function handleReportsChannel(channel: string, input: Record<string, unknown>): Result<unknown> | undefined {
  if (channel === 'reports.daily') {
    const date = input.date as string
    const day = { [busyDate]: busyDay, [smallDate]: smallDay, [claimsOnlyDate]: claimsOnlyDay }[date]
    return { ok: true, value: day ?? quietDay(date) }
  }
  if (channel === 'reports.period') return { ok: true, value: periodReport(input.from as string, input.to as string) }
  return undefined
}
