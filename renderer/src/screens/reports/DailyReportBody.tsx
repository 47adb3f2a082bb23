import { useTranslation } from 'react-i18next'
import type { DailyReportDto } from '../../../../shared/dto/reports'
import { BarChart } from '../../components/BarChart'
import { dailyKeyFigures, isQuietDay } from './daily-figures'
import { useDailyTables } from './daily-tables'
import { chartSummary } from './chart-summary'
import type { ReportFormat } from './report-format'
import { KeyFigures, ReportPair, ReportSection } from './ReportSection'
import { ReportTable } from './ReportTable'

/**
 * Every section of one day's report on screen. A quiet day says so once and keeps only what
 * still matters on it: the tickets open at its end, the overdue ones, and the warranty claims
 * still owed by the manufacturers or not yet sent.
 */
export function DailyReportBody({ report, format, dateLabel }: { report: DailyReportDto; format: ReportFormat; dateLabel: string }) {
  const { t } = useTranslation()
  const tables = useDailyTables(report, format)
  const quiet = isQuietDay(report)
  const methods = report.takings.totals.map((row) => t(`payments.method.${row.method}`))
  const nets = report.takings.totals.map((row) => row.netMinor)
  return (
    <article className="report" aria-labelledby="daily-title">
      <h2 id="daily-title">{t('reports.daily.heading', { date: dateLabel })}</h2>
      <KeyFigures id="daily-key-figures" label={t('reports.daily.keyFigures')} rows={dailyKeyFigures(t, report, format)} />
      {quiet && <p className="empty-state">{t('reports.daily.quiet', { date: dateLabel })}</p>}
      {!quiet && (
        <>
          <ReportSection id="daily-money" title={t('reports.daily.money')}>
            <ReportPair>
              <ReportTable spec={tables.takings} datePart={report.date} />
              {nets.length > 0 && (
                <BarChart label={t('reports.chart.takings', { summary: chartSummary(t, methods, nets.map(format.money)) })} categories={methods} series={[{ label: t('reports.takings.net'), values: nets }]} formatValue={format.money} />
              )}
            </ReportPair>
          </ReportSection>
          <ReportSection id="daily-drawer" title={t('reports.daily.drawer')}>
            <ReportTable spec={tables.drawer} datePart={report.date} />
          </ReportSection>
        </>
      )}
      <ReportSection id="daily-tickets" title={t('reports.daily.tickets')}>
        <div className="report-columns">
          {!quiet && <ReportTable spec={tables.tickets} datePart={report.date} />}
          <ReportTable spec={tables.open} datePart={report.date} />
        </div>
      </ReportSection>
      {!quiet && (
        <>
          <ReportSection id="daily-mix" title={t('reports.daily.mix')}>
            <ReportTable spec={tables.mix} datePart={report.date} />
          </ReportSection>
          <ReportSection id="daily-paid-work" title={t('reports.daily.paidWork')}>
            <p className="muted">{t('reports.daily.paidTickets', { total: format.count(report.paidWork.tickets) })}</p>
            <ReportTable spec={tables.paidWork} datePart={report.date} />
          </ReportSection>
        </>
      )}
      {!quiet && (
        <ReportSection id="daily-warranty" title={t('reports.daily.warranty')}>
          <ReportTable spec={tables.warrantyParts} datePart={report.date} />
        </ReportSection>
      )}
      <ReportSection id="daily-claims" title={t('reports.claims.title')}>
        <ReportTable spec={tables.claims} datePart={report.date} />
      </ReportSection>
      <ReportSection id="daily-lists" title={t('reports.daily.lists')}>
        <ReportTable spec={tables.overdue} datePart={report.date} />
        <ReportTable spec={tables.repeats} datePart={report.date} />
      </ReportSection>
    </article>
  )
}
