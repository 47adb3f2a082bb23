import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { BackupSettingsDto } from '../../../../../shared/dto/backup'
import { formatInstant } from '../../../../../shared/format'
import { useClient } from '../../../client-context'
import { LoadError, Loading } from '../../../components/Feedback'
import { useSettings } from '../../../hooks'
import { backupKeys, localTimeZone, reloadAfterRestore } from './backup-client'
import { BackupBrowser } from './BackupBrowser'
import { BackupNow } from './BackupNow'
import { BackupSettingsForm, hourText } from './BackupSettingsForm'
import './backups.css'

/**
 * Settings → Backups: where they go, when the daily one runs and how many are kept (an owner
 * edits), "Back up now" for anyone, the backups in the folder, and for an owner a restore.
 */
export function BackupsSection({ isOwner }: { isOwner: boolean }) {
  const { t } = useTranslation()
  const client = useClient()
  const queryClient = useQueryClient()
  const shop = useSettings()
  const settings = useQuery({ queryKey: backupKeys.settings, queryFn: () => client.call('backup.settings', {}) })
  const timeZone = shop.data?.timeZone ?? localTimeZone()
  return (
    <section aria-labelledby="backups-title" aria-busy={settings.isPending || undefined}>
      <h2 id="backups-title">{t('dataSafety.title')}</h2>
      <p className="meta">{t('dataSafety.intro')}</p>
      {settings.isPending && <Loading />}
      {settings.isError && <LoadError error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data &&
        (isOwner ? (
          <BackupSettingsForm settings={settings.data} />
        ) : (
          <>
            <p className="note">{t('dataSafety.settings.readOnlyNote')}</p>
            <BackupSettingsView settings={settings.data} />
          </>
        ))}
      {settings.data && <LastBackup settings={settings.data} timeZone={timeZone} />}
      <h3 id="backups-list-title">{t('dataSafety.list.title')}</h3>
      <BackupNow />
      {!isOwner && <p className="note">{t('dataSafety.list.ownerRestores')}</p>}
      <BackupBrowser
        id="backups"
        canRestore={isOwner}
        mode="settings"
        timeZone={timeZone}
        continueLabel={t('dataSafety.restored.continue')}
        onContinue={() => void reloadAfterRestore(queryClient)}
      />
    </section>
  )
}

function LastBackup({ settings, timeZone }: { settings: BackupSettingsDto; timeZone: string }) {
  const { t, i18n } = useTranslation()
  return (
    <p className="meta">
      {settings.lastBackupAtMs === null ? t('dataSafety.settings.neverBackedUp') : t('dataSafety.settings.lastBackup', { when: formatInstant(settings.lastBackupAtMs, i18n.language, timeZone) })}
    </p>
  )
}

/** What a technician sees: the same settings, read-only. */
function BackupSettingsView({ settings }: { settings: BackupSettingsDto }) {
  const { t } = useTranslation()
  const rows: [string, string, boolean][] = [
    [t('dataSafety.settings.folder'), settings.folder ?? t('dataSafety.settings.defaultFolder', { folder: settings.effectiveFolder }), true],
    [t('dataSafety.settings.dailyAfterHour'), hourText(settings.dailyAfterHour), false],
    [t('dataSafety.settings.keepDaily'), String(settings.keepDaily), false],
    [t('dataSafety.settings.keepMonthly'), String(settings.keepMonthly), false],
  ]
  return (
    <dl className="facts">
      {rows.map(([label, value, path]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd className={path ? 'mono backup-path' : undefined}>{value}</dd>
        </div>
      ))}
    </dl>
  )
}
