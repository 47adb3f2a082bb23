import { useTranslation } from 'react-i18next'
import type { PeriodReportDto } from '../../../../shared/dto/reports'
import { BarChart } from '../../components/BarChart'
import { chartSummary } from './chart-summary'
import { usePeriodTables } from './period-tables'
import type { ReportFormat } from './report-format'
import { KeyFigures, ReportPair, ReportSection } from './ReportSection'
import { ReportTable } from './ReportTable'

/** The period's metrics: speed and quality, technicians, faults and models, parts, money, claims. */
export function PeriodReportBody({ report, format }: { report: PeriodReportDto; format: ReportFormat }) {
  const { t } = useTranslation()
  const tables = usePeriodTables(report, format)
  const datePart = `${report.from}_${report.to}`
  const title = t('reports.period.heading', { from: format.date(report.from), to: format.date(report.to) })
  const techs = report.technicians
  const faults = report.topFaults
  const claims = report.claims
  // The chart shows the manufacturers that answered claims in the period; the table has them all.
  const answered = claims.byManufacturer.filter((row) => row.acceptedCount + row.rejectedCount > 0)
  return (
    <article className="report" aria-labelledby="period-title">
      <h2 id="period-title">{title}</h2>
      <KeyFigures id="period-key-figures" label={t('reports.period.keyFigures')} rows={periodKeyFigures(t, report, format)} />
      {isQuietPeriod(report) ? (
        <p className="empty-state">{t('reports.period.empty')}</p>
      ) : (
        <>
          <ReportSection id="period-speed" title={t('reports.period.speed')}>
            <div className="report-columns">
              <ReportTable spec={tables.turnaround} datePart={datePart} />
              <ReportTable spec={tables.rates} datePart={datePart} />
            </div>
          </ReportSection>
          <ReportSection id="period-technicians" title={t('reports.period.technicians')}>
            <ReportPair>
              <ReportTable spec={tables.technicians} datePart={datePart} />
              {techs.length > 0 && (
                <BarChart
                  label={t('reports.chart.technicians', { summary: chartSummary(t, techs.map((row) => row.name), techs.map((row) => format.count(row.completed))) })}
                  categories={techs.map((row) => row.name)}
                  series={[
                    { label: t('reports.kind.warranty'), values: techs.map((row) => row.warranty) },
                    { label: t('reports.kind.paid'), values: techs.map((row) => row.paid) },
                  ]}
                  formatValue={format.count}
                  stacked
                />
              )}
            </ReportPair>
          </ReportSection>
          <ReportSection id="period-faults" title={t('reports.period.faults')}>
            <ReportPair>
              <ReportTable spec={tables.topFaults} datePart={datePart} />
              {faults.length > 0 && (
                <BarChart
                  label={t('reports.chart.topFaults', { summary: chartSummary(t, faults.map(faultLabel), faults.map((row) => format.count(row.count))) })}
                  categories={faults.map(faultLabel)}
                  series={[{ label: t('reports.topFaults.count'), values: faults.map((row) => row.count) }]}
                  formatValue={format.count}
                  horizontal
                />
              )}
            </ReportPair>
            <ReportTable spec={tables.topModels} datePart={datePart} />
          </ReportSection>
          <ReportSection id="period-parts" title={t('reports.period.parts')}>
            <ReportTable spec={tables.parts} datePart={datePart} />
          </ReportSection>
          <ReportSection id="period-money" title={t('reports.period.money')}>
            <ReportTable spec={tables.byKind} datePart={datePart} />
            <ReportTable spec={tables.revenue} datePart={datePart} />
          </ReportSection>
        </>
      )}
      <ReportSection id="period-claims" title={t('reports.period.claims')}>
        <ReportTable spec={tables.claims} datePart={datePart} />
        {claims.byManufacturer.length > 0 && <p>{t('reports.claims.shortPaid', { amount: format.money(claims.shortPaidMinor) })}</p>}
        {answered.length > 0 && (
          <BarChart
            label={t('reports.chart.claims', {
              summary: chartSummary(
                t,
                answered.map((row) => row.manufacturerName),
                answered.map((row) => t('reports.chart.answered', { accepted: format.count(row.acceptedCount), rejected: format.count(row.rejectedCount) })),
              ),
            })}
            categories={answered.map((row) => row.manufacturerName)}
            series={[
              { label: t('reports.claims.acceptedCount'), values: answered.map((row) => row.acceptedCount) },
              { label: t('reports.claims.rejectedCount'), values: answered.map((row) => row.rejectedCount) },
            ]}
            formatValue={format.count}
            stacked
          />
        )}
        <p className="muted">{t('reports.claims.periodNote')}</p>
      </ReportSection>
    </article>
  )
}

function faultLabel(row: PeriodReportDto['topFaults'][number]): string {
  return row.description ? `${row.code} ${row.description}` : row.code
}

function periodKeyFigures(t: ReturnType<typeof useTranslation>['t'], report: PeriodReportDto, format: ReportFormat): [string, string][] {
  return [
    [t('reports.key.readyCount'), format.count(report.turnaround.all.count)],
    [t('reports.key.medianTurnaround'), format.hours(report.turnaround.all.medianHours)],
    [t('reports.key.onTime'), format.ratio(report.onTime.rate)],
    [t('reports.key.repeat30'), format.ratio(report.repeats.rate30)],
    [t('reports.key.firstTimeFix'), format.ratio(report.firstTimeFix.rate)],
    [t('reports.key.netRevenue'), format.money(report.revenue.netMinor)],
  ]
}

/** Nothing made ready, completed, received, used or handed back: one sentence instead of empty tables. */
function isQuietPeriod(report: PeriodReportDto): boolean {
  return (
    report.turnaround.all.count === 0 &&
    report.firstTimeFix.repaired === 0 &&
    report.byKind.length === 0 &&
    report.topModels.length === 0 &&
    report.parts.length === 0 &&
    report.revenue.tickets === 0
  )
}
