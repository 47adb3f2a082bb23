import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionDto } from '../../../../shared/dto/auth'
import { formatInstant } from '../../../../shared/format'
import { LoadError, Loading } from '../../components/Feedback'
import { useSettings } from '../../hooks'
import { AuditCheckSection } from './audit/AuditCheckSection'
import { BackupsSection } from './backups/BackupsSection'
import { CatalogSection } from './catalog/CatalogSection'
import { ClaimRulesSection } from './claim-rules/ClaimRulesSection'
import { FaultCodesSection } from './fault-codes/FaultCodesSection'
import { ShopSettingsForm } from './ShopSettingsForm'
import { ShopSettingsView } from './ShopSettingsView'
import { StaffSection } from './StaffSection'

/** Shop settings (editable by an owner, read-only for a technician), staff (owners), manufacturers, models and fault codes. */
export function SettingsScreen({ session }: { session: SessionDto }) {
  const { t, i18n } = useTranslation()
  const settings = useSettings()
  const isOwner = session.staff.role === 'owner'
  const heading = useRef<HTMLHeadingElement>(null)
  // An owner lands in the form's first field (the form focuses it when it mounts); until the
  // settings arrive, and for a technician who can only read, focus sits on the heading.
  const formFocusesAtMount = useRef(isOwner && settings.data !== undefined)
  useEffect(() => {
    if (!formFocusesAtMount.current) heading.current?.focus()
  }, [])

  return (
    <div className="panel">
      <h1 id="screen-title" ref={heading} tabIndex={-1}>
        {t('settings.title')}
      </h1>
      <section aria-labelledby="shop-settings-title" aria-busy={settings.isPending || undefined}>
        <h2 id="shop-settings-title">{t('settings.shopSection')}</h2>
        {settings.isPending && <Loading />}
        {settings.isError && <LoadError error={settings.error} onRetry={() => void settings.refetch()} />}
        {settings.data && (
          <>
            <p className="meta">{t('settings.lastUpdated', { when: formatInstant(settings.data.updatedAtMs, i18n.language, settings.data.timeZone) })}</p>
            {isOwner ? (
              <ShopSettingsForm settings={settings.data} />
            ) : (
              <>
                <p className="note">{t('settings.readOnlyNote')}</p>
                <ShopSettingsView settings={settings.data} />
              </>
            )}
          </>
        )}
      </section>
      {isOwner && <StaffSection session={session} />}
      <CatalogSection isOwner={isOwner} />
      <FaultCodesSection isOwner={isOwner} />
      <ClaimRulesSection isOwner={isOwner} />
      <BackupsSection isOwner={isOwner} />
      {isOwner && <AuditCheckSection />}
    </div>
  )
}
