import type { TFunction } from 'i18next'
import type { DailyReportDto } from '../../../../shared/dto/reports'
import type { ReportFormat } from './report-format'

// The daily report's headline figures and sentences, shared by the screen and the paper.

/** Net takings first (the figure the owner checks against the bank and the drawer), then the day's work. */
export function dailyKeyFigures(t: TFunction, report: DailyReportDto, format: ReportFormat): [string, string][] {
  const { takings, tickets, paidWork } = report
  const margin =
    paidWork.netMinor > 0
      ? t('reports.key.marginRate', { amount: format.money(paidWork.grossMarginMinor), rate: format.ratio(paidWork.grossMarginMinor / paidWork.netMinor) })
      : format.money(paidWork.grossMarginMinor)
  return [
    [t('reports.key.netTakings'), format.money(takings.netMinor)],
    [t('reports.key.payments'), format.money(takings.paymentsMinor)],
    [t('reports.key.refunds'), format.money(takings.refundsMinor)],
    [t('reports.key.overShort'), report.drawer.sessions.length === 0 ? t('reports.none') : format.overShort(report.drawer.overShortMinor)],
    [t('reports.key.received'), format.count(tickets.received)],
    [t('reports.key.completed'), format.count(tickets.completed)],
    [t('reports.key.collected'), format.count(tickets.collected)],
    [t('reports.key.openAtEnd'), format.count(report.openTotal)],
    [t('reports.key.grossMargin'), margin],
  ]
}

/** A day with no money, no drawer, no ticket movement and no claim sent, answered or paid: said in one sentence instead of empty tables. */
export function isQuietDay(report: DailyReportDto): boolean {
  const { tickets, claims } = report
  return (
    report.takings.totals.length === 0 &&
    report.drawer.sessions.length === 0 &&
    tickets.received + tickets.completed + tickets.collected + tickets.cancelled === 0 &&
    report.warrantyParts.length === 0 &&
    report.paidWork.tickets === 0 &&
    claims.submittedCount + claims.acceptedCount + claims.rejectedCount + claims.paidCount === 0
  )
}
