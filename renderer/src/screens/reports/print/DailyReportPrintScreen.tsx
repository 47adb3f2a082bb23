import { useTranslation } from 'react-i18next'
import type { SessionDto } from '../../../../../shared/dto/auth'
import { LoadError, Loading } from '../../../components/Feedback'
import { useFocusOnMount } from '../../../components/useFocusOnMount'
import { useSettings } from '../../../hooks'
import { goTo, reportsHref } from '../../../routes'
import { SavePdfButton } from '../../print/SavePdfButton'
import { useReportFormat } from '../report-format'
import { useDailyReport } from '../report-queries'
import { DailyReportPaper } from './DailyReportPaper'
import '../reports.css'

/**
 * The daily report alone on the page (no shell), so the browser's print, Electron's print and
 * "Save as PDF" get only the A4 paper. The toolbar is screen-only, as on the ticket documents.
 */
export function DailyReportPrintScreen({ date, session }: { date: string; session: SessionDto }) {
  const { t } = useTranslation()
  const isOwner = session.staff.role === 'owner'
  const printButton = useFocusOnMount<HTMLButtonElement>()
  const back = () => {
    if (window.history.length > 1) window.history.back()
    else goTo(reportsHref('daily'))
  }
  return (
    <main className="print-page print-page-report">
      <div className="print-toolbar">
        {isOwner && (
          <button type="button" ref={printButton} className="button button-primary" onClick={() => window.print()}>
            {t('print.print')}
          </button>
        )}
        {isOwner && <SavePdfButton suggestedName={`daily-report-${date}`} />}
        <button type="button" className="button" onClick={back}>
          {t('print.back')}
        </button>
        <p className="muted">{t('reports.print.hint')}</p>
      </div>
      {isOwner ? <PrintableDay date={date} printedBy={session.staff.name} /> : <p className="note report-print-note">{t('reports.ownerOnly')}</p>}
    </main>
  )
}

function PrintableDay({ date, printedBy }: { date: string; printedBy: string }) {
  const settings = useSettings()
  const report = useDailyReport(date)
  const format = useReportFormat()
  if (report.isPending || settings.isPending) return <Loading />
  if (settings.isError) return <LoadError error={settings.error} onRetry={() => void settings.refetch()} />
  if (report.isError) return <LoadError error={report.error} onRetry={() => void report.refetch()} />
  return <DailyReportPaper report={report.data} format={format} printedBy={printedBy} />
}
