import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { SettingsGate } from '../../components/SettingsGate'
import { useFocusOnMount } from '../../components/useFocusOnMount'
import { BatchesView } from './BatchesView'
import { ClaimsView } from './ClaimsView'
import { claimsSections, useClaimsBook, type ClaimsBook, type ClaimsSection } from './claims-book'
import { OutboxBadge } from './OutboxBadge'
import { OutboxView } from './OutboxView'
import { RemittancesView } from './RemittancesView'
import './claims.css'

/**
 * Warranty claims to manufacturers: claims by status with their problems, batches (export, mark
 * submitted, queue for sync), the sync outbox and remittances. The section, filters and what is
 * open are kept for the next visit.
 */
export function ClaimsScreen() {
  const { t } = useTranslation()
  const heading = useFocusOnMount<HTMLHeadingElement>()
  const [book, change] = useClaimsBook()
  return (
    <div className="panel panel-wide claims">
      <h1 id="screen-title" ref={heading} tabIndex={-1}>
        {t('claimsScreen.title')}
      </h1>
      <nav aria-label={t('claimsScreen.sections')} className="section-nav claims-sections">
        <ul>
          {claimsSections.map((item) => (
            <li key={item}>
              <button type="button" id={`claims-section-${item}`} aria-current={item === book.section ? 'page' : undefined} onClick={() => change({ section: item })}>
                {t(`claimsScreen.section.${item}`)}
                {item === 'outbox' && <OutboxBadge />}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <SettingsGate>{() => <Section book={book} change={change} />}</SettingsGate>
    </div>
  )
}

export interface SectionProps {
  book: ClaimsBook
  change: (change: Partial<ClaimsBook>) => void
}

function Section({ book, change }: SectionProps) {
  const sections: Record<ClaimsSection, () => ReactNode> = {
    claims: () => <ClaimsView book={book} change={change} />,
    batches: () => <BatchesView book={book} change={change} />,
    outbox: () => <OutboxView book={book} change={change} />,
    remittances: () => <RemittancesView book={book} change={change} />,
  }
  return <>{sections[book.section]()}</>
}
