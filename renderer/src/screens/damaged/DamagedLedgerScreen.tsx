import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { PublicLayout } from '../../components/PublicLayout'
import { localTimeZone, reloadAfterRestore } from '../settings/backups/backup-client'
import { BackupBrowser } from '../settings/backups/BackupBrowser'
import '../settings/backups/backups.css'

/** How many of the newest backups the screen lists (another folder can be looked in). */
export const damagedListLimit = 10

/**
 * Shown instead of the app when the ledger failed its check at start: what is wrong, the newest
 * backups and a restore (inspect → PIN of an owner in that backup → restore). Nothing else opens.
 */
export function DamagedLedgerScreen({ problem, databasePath }: { problem: string; databasePath?: string | undefined }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    heading.current?.focus()
  }, [])
  return (
    <PublicLayout>
      <div className="card damaged-ledger">
        <h1 id="screen-title" ref={heading} tabIndex={-1}>
          {t('dataSafety.damaged.title')}
        </h1>
        <div className="alert alert-warning">
          <p className="alert-title">{t('dataSafety.damaged.problemTitle')}</p>
          <p className="damaged-problem mono">{problem}</p>
          {databasePath && (
            <p>
              {t('dataSafety.damaged.file')} <span className="mono backup-path">{databasePath}</span>
            </p>
          )}
        </div>
        <p>{t('dataSafety.damaged.explanation')}</p>
        <ol>
          <li>{t('dataSafety.damaged.step1')}</li>
          <li>{t('dataSafety.damaged.step2')}</li>
          <li>{t('dataSafety.damaged.step3')}</li>
        </ol>
        <section aria-labelledby="damaged-backups-title">
          <h2 id="damaged-backups-title">{t('dataSafety.damaged.backupsTitle')}</h2>
          <BackupBrowser
            id="damaged-backups"
            canRestore
            mode="damaged"
            timeZone={localTimeZone()}
            limit={damagedListLimit}
            continueLabel={t('dataSafety.damaged.continue')}
            onContinue={() => void reloadAfterRestore(queryClient)}
          />
        </section>
        <p className="meta">{t('dataSafety.damaged.noBackup')}</p>
      </div>
    </PublicLayout>
  )
}
