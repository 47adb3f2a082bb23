import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionDto } from '../../../../shared/dto/auth'
import { SettingsGate } from '../../components/SettingsGate'
import { reportsHref, reportsSections, type ReportsSection } from '../../routes'
import { DailyReportView } from './DailyReportView'
import { PeriodReportView } from './PeriodReportView'
import './reports.css'

/**
 * The owner's reports: one day's report (printable) and metrics over a period, each at its own
 * address. A technician is told plainly that reports are the owner's, and nothing is fetched.
 */
export function ReportsScreen({ session, section }: { session: SessionDto; section: ReportsSection }) {
  const { t } = useTranslation()
  const isOwner = session.staff.role === 'owner'
  const heading = useRef<HTMLHeadingElement>(null)
  // The owner starts in the first date field (the view focuses it); a technician on the heading.
  useEffect(() => {
    if (!isOwner) heading.current?.focus()
  }, [isOwner])
  return (
    <div className="panel panel-wide reports">
      <h1 id="screen-title" ref={heading} tabIndex={-1}>
        {t('reports.title')}
      </h1>
      {isOwner ? (
        <>
          <nav aria-label={t('reports.sections')} className="section-nav">
            <ul>
              {reportsSections.map((item) => (
                <li key={item}>
                  <a href={reportsHref(item)} aria-current={item === section ? 'page' : undefined}>
                    {t(`reports.section.${item}`)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <SettingsGate>{() => (section === 'daily' ? <DailyReportView /> : <PeriodReportView />)}</SettingsGate>
        </>
      ) : (
        <p className="note">{t('reports.ownerOnly')}</p>
      )}
    </div>
  )
}
