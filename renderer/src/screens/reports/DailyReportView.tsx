import { useTranslation } from 'react-i18next'
import { LoadError, Loading } from '../../components/Feedback'
import { DailyControls } from './DailyControls'
import { DailyReportBody } from './DailyReportBody'
import { dateFieldErrors } from './report-errors'
import { useReportFormat } from './report-format'
import { useDailyReport, useReportDates } from './report-queries'

/** The daily report section: the day picker, then the day's report (or why there is none). */
export function DailyReportView() {
  const { t } = useTranslation()
  const format = useReportFormat()
  const today = format.today()
  const [dates, setDates] = useReportDates(today)
  const report = useDailyReport(dates.day)
  const fieldErrors = dateFieldErrors(t, report.error, ['date'])
  const dateLabel = format.date(report.data?.date ?? null)
  return (
    <>
      <DailyControls
        date={dates.day}
        today={today}
        error={fieldErrors?.date}
        onChange={(day) => setDates({ ...dates, day })}
        onRefresh={() => void report.refetch()}
        refreshing={report.isFetching}
      />
      <div className="report-body" aria-busy={report.isFetching || undefined}>
        {report.isPending && <Loading label={t('reports.daily.loading', { date: format.day(dates.day) })} />}
        {report.isPlaceholderData && <p className="muted">{t('reports.daily.loading', { date: format.day(dates.day) })}</p>}
        {fieldErrors && <p className="empty-state">{t('reports.daily.pickValid')}</p>}
        {report.isError && !fieldErrors && <LoadError error={report.error} onRetry={() => void report.refetch()} />}
        {report.data && <DailyReportBody report={report.data} format={format} dateLabel={dateLabel} />}
      </div>
    </>
  )
}
