import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionDto } from '../../../../shared/dto/auth'
import { SettingsGate } from '../../components/SettingsGate'
import { partsHref, type PartsSection } from '../../routes'
import { PartsList } from './PartsList'
import { ReceiveForm } from './ReceiveForm'
import { RmaView } from './RmaView'
import { StocktakeView } from './StocktakeView'

/**
 * Parts and stock: the catalogue with on-hand per pool, a delivery, a stocktake (owner) and the
 * defective parts owed to manufacturers. Each section has its own address, so Back returns and
 * the ticket page can link straight to the RMA list.
 */
export function PartsScreen({ session, section }: { session: SessionDto; section: PartsSection }) {
  const { t } = useTranslation()
  const isOwner = session.staff.role === 'owner'
  const sections: PartsSection[] = isOwner ? ['list', 'receive', 'stocktake', 'rma'] : ['list', 'receive', 'rma']
  const heading = useRef<HTMLHeadingElement>(null)
  // The list, a delivery and a stocktake start in their first field; the RMA list has none.
  const sectionFocusesField = section === 'list' || section === 'receive' || (section === 'stocktake' && isOwner)
  useEffect(() => {
    if (!sectionFocusesField) heading.current?.focus()
  }, [sectionFocusesField])
  return (
    <div className="panel panel-wide">
      <h1 id="screen-title" ref={heading} tabIndex={-1}>
        {t('parts.title')}
      </h1>
      <nav aria-label={t('parts.sections')} className="section-nav">
        <ul>
          {sections.map((item) => (
            <li key={item}>
              <a href={partsHref(item)} aria-current={item === section ? 'page' : undefined}>
                {t(`parts.section.${item}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <SettingsGate>{() => <Section section={section} isOwner={isOwner} />}</SettingsGate>
    </div>
  )
}

function Section({ section, isOwner }: { section: PartsSection; isOwner: boolean }) {
  const { t } = useTranslation()
  switch (section) {
    case 'list':
      return <PartsList isOwner={isOwner} />
    case 'receive':
      return <ReceiveForm />
    case 'stocktake':
      return isOwner ? <StocktakeView /> : <p className="note">{t('stocktake.ownerOnly')}</p>
    case 'rma':
      return <RmaView />
  }
}
