import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupDto, RestoreDto } from '../../../../../shared/dto/backup'
import { BackupFolder } from '../../../../../shared/schemas/backup'
import { useClient } from '../../../client-context'
import { Field } from '../../../components/Field'
import { LoadError, Loading } from '../../../components/Feedback'
import { backupKeys, markStaleAfterRestore } from './backup-client'
import { BackupTable } from './BackupTable'
import { RestoreFlow, RestoreResult } from './RestoreFlow'

interface BackupBrowserProps {
  id: string
  /** Offer restore on each backup (an owner in Settings; anyone on the damaged screen, checked by the backup's owner PIN). */
  canRestore: boolean
  mode: 'settings' | 'damaged'
  timeZone: string
  /** Shown at most this many, newest first (the damaged screen shows the newest few). */
  limit?: number
  continueLabel: string
  /** After a restore, once the person has read where the old ledger went. */
  onContinue: () => void
}

/**
 * The backups in a folder (the configured one, or one typed in: a USB stick) and, for whoever may,
 * the restore flow of a picked backup and its result.
 */
export function BackupBrowser({ id, canRestore, mode, timeZone, limit, continueLabel, onContinue }: BackupBrowserProps) {
  const { t } = useTranslation()
  const client = useClient()
  const [folder, setFolder] = useState<string | null>(null)
  const [draft, setDraft] = useState('')
  const [folderError, setFolderError] = useState<string | null>(null)
  const [picked, setPicked] = useState<BackupDto | null>(null)
  const [restored, setRestored] = useState<RestoreDto | null>(null)
  const list = useQuery({ queryKey: backupKeys.list(folder), queryFn: () => client.call('backup.list', folder ? { folder } : {}) })
  const draftRef = useRef<HTMLInputElement>(null)
  const queryClient = useQueryClient()
  const onRestored = (result: RestoreDto) => {
    markStaleAfterRestore(queryClient)
    setRestored(result)
  }

  if (restored) {
    const done = () => {
      setRestored(null)
      setPicked(null)
      onContinue()
    }
    return <RestoreResult result={restored} continueLabel={continueLabel} onContinue={done} />
  }

  const look = (event: FormEvent) => {
    event.preventDefault()
    const text = draft.trim()
    if (!text) {
      setFolderError(null)
      setFolder(null)
      return
    }
    if (!BackupFolder.safeParse(text).success) {
      setFolderError(t('validation.backupFolder'))
      draftRef.current?.focus()
      return
    }
    setFolderError(null)
    setPicked(null)
    setFolder(text)
  }

  const cancelRestore = () => {
    // Back to the row's button the restore was opened from.
    const opener = document.querySelector<HTMLButtonElement>(`#${id}-table button[aria-pressed="true"]`)
    setPicked(null)
    opener?.focus()
  }

  const items = list.data ? [...list.data.items].sort((a, b) => b.createdAtMs - a.createdAtMs).slice(0, limit ?? list.data.items.length) : []
  return (
    <div className={`${id}-browser`} aria-busy={list.isPending || undefined}>
      {canRestore && (
        <form className="form-row" aria-label={t('dataSafety.list.lookTitle')} onSubmit={look} noValidate>
          <Field id={`${id}-look`} label={t('dataSafety.list.lookIn')} hint={t('dataSafety.list.lookHint')} error={folderError ?? undefined}>
            {(control) => (
              <input
                {...control}
                ref={draftRef}
                className="mono"
                maxLength={1000}
                autoComplete="off"
                spellCheck={false}
                value={draft}
                onChange={(event) => {
                  setDraft(event.target.value)
                  setFolderError(null)
                }}
              />
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" className="button">
              {t('dataSafety.list.look')}
            </button>
          </div>
        </form>
      )}
      {list.isPending && <Loading label={t('dataSafety.list.loading')} />}
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && (
        <p className="empty-state">
          {t('dataSafety.list.empty')} <span className="mono backup-path">{list.data.folder}</span>
        </p>
      )}
      {list.data && list.data.items.length > 0 && (
        <>
          <BackupTable
            id={`${id}-table`}
            caption={t('dataSafety.list.caption', { folder: list.data.folder })}
            items={items}
            timeZone={timeZone}
            onRestore={canRestore ? setPicked : undefined}
            selectedFile={picked?.file}
          />
          {limit !== undefined && list.data.items.length > limit && <p className="meta">{t('dataSafety.list.more', { shown: limit, total: list.data.items.length })}</p>}
        </>
      )}
      {picked && <RestoreFlow key={picked.file} backup={picked} timeZone={timeZone} mode={mode} onCancel={cancelRestore} onRestored={onRestored} />}
    </div>
  )
}
