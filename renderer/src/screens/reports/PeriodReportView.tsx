import { useTranslation } from 'react-i18next'
import { LoadError, Loading } from '../../components/Feedback'
import { PeriodControls } from './PeriodControls'
import { PeriodReportBody } from './PeriodReportBody'
import { dateFieldErrors } from './report-errors'
import { useReportFormat } from './report-format'
import { usePeriodReport, useReportDates } from './report-queries'

/** The period metrics section: from/to, then the metrics (or the ledger's word on the dates by the fields). */
export function PeriodReportView() {
  const { t } = useTranslation()
  const format = useReportFormat()
  const today = format.today()
  const [dates, setDates] = useReportDates(today)
  const report = usePeriodReport(dates.from, dates.to)
  const fieldErrors = dateFieldErrors(t, report.error, ['from', 'to'])
  const loading = t('reports.period.loading', { from: format.day(dates.from), to: format.day(dates.to) })
  return (
    <>
      <PeriodControls
        from={dates.from}
        to={dates.to}
        today={today}
        errors={fieldErrors}
        onChange={(period) => setDates({ ...dates, ...period })}
        onRefresh={() => void report.refetch()}
        refreshing={report.isFetching}
      />
      <div className="report-body" aria-busy={report.isFetching || undefined}>
        {report.isPending && <Loading label={loading} />}
        {report.isPlaceholderData && <p className="muted">{loading}</p>}
        {fieldErrors && <p className="empty-state">{t('reports.period.pickValid')}</p>}
        {report.isError && !fieldErrors && <LoadError error={report.error} onRetry={() => void report.refetch()} />}
        {report.data && <PeriodReportBody report={report.data} format={format} />}
      </div>
    </>
  )
}
