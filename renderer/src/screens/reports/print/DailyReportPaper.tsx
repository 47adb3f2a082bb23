import { useTranslation } from 'react-i18next'
import type { DailyReportDto } from '../../../../../shared/dto/reports'
import { PrintFacts } from '../../print/PrintFacts'
import { SignatureLines } from '../../print/PrintFooter'
import { dailyKeyFigures } from '../daily-figures'
import { useDailyTables } from '../daily-tables'
import type { ReportFormat } from '../report-format'
import { ReportTable } from '../ReportTable'

/**
 * The daily report on A4: the shop, the date, the key figures and the drawer, then money on the
 * left and tickets on the right, the warranty claims across, so a normal day fits one page; the ticket lists run full width,
 * and a busy day's lists take a second page.
 */
export function DailyReportPaper({ report, format, printedBy }: { report: DailyReportDto; format: ReportFormat; printedBy: string }) {
  const { t } = useTranslation()
  const tables = useDailyTables(report, format)
  return (
    <article className="print-doc print-report">
      <header className="print-header">
        <h1>{report.shop.name}</h1>
        {report.shop.address && <p>{report.shop.address}</p>}
        {report.shop.phone && <p>{t('print.phone', { phone: report.shop.phone })}</p>}
      </header>
      <h2 className="print-title">{t('reports.print.heading', { date: format.date(report.date) })}</h2>
      <p className="print-report-meta">{t('reports.print.printed', { when: format.instant(Date.now()), name: printedBy })}</p>
      <PrintFacts rows={dailyKeyFigures(t, report, format)} />
      <ReportTable spec={tables.drawer} datePart={report.date} print />
      <div className="print-report-grid">
        <div>
          <ReportTable spec={tables.takings} datePart={report.date} print />
          <ReportTable spec={tables.paidWork} datePart={report.date} print />
          <ReportTable spec={tables.warrantyParts} datePart={report.date} print />
        </div>
        <div>
          <ReportTable spec={tables.tickets} datePart={report.date} print />
          <ReportTable spec={tables.open} datePart={report.date} print />
          <ReportTable spec={tables.mix} datePart={report.date} print />
        </div>
      </div>
      <div className="print-report-claims">
        <ReportTable spec={tables.claimsAcross} datePart={report.date} print />
      </div>
      <ReportTable spec={tables.overdue} datePart={report.date} print />
      <ReportTable spec={tables.repeats} datePart={report.date} print />
      <SignatureLines label={t('reports.print.checkedBy')} />
    </article>
  )
}
