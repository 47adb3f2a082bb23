import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useClient } from '../../../client-context'
import { errorMessage } from '../../../errors'
import { ErrorAlert } from '../../../components/Feedback'
import { BackupProgress } from './BackupProgress'
import { backupKeys, formatBytes, formatDuration, newJobId, useBackupProgress } from './backup-client'

/** "Back up now": a progress bar while it runs, then the file, its size and how long it took. */
export function BackupNow() {
  const { t, i18n } = useTranslation()
  const client = useClient()
  const queryClient = useQueryClient()
  const [jobId, setJobId] = useState<string | null>(null)
  const resultRef = useRef<HTMLParagraphElement>(null)
  const run = useMutation({
    mutationFn: (job: string) => client.call('backup.run', { jobId: job }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: backupKeys.root }),
  })
  const progress = useBackupProgress(client, jobId, run.isPending)

  useEffect(() => {
    if (run.isSuccess) resultRef.current?.focus()
  }, [run.isSuccess])

  const start = () => {
    if (run.isPending) return
    const job = newJobId('backup')
    setJobId(job)
    run.mutate(job)
  }

  return (
    <div className="backup-now">
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={start} disabled={run.isPending} aria-busy={run.isPending || undefined}>
          {run.isPending ? t('dataSafety.now.running') : t('dataSafety.now.button')}
        </button>
      </div>
      {run.isPending && (
        <BackupProgress id="backup-now-progress" progress={progress} starting={t('dataSafety.now.starting')} />
      )}
      <ErrorAlert message={run.isError ? t('dataSafety.now.failed', { reason: errorMessage(t, run.error) }) : null} />
      {run.data && (
        <div className="backup-result" role="status">
          <p ref={resultRef} tabIndex={-1} className="alert-title">
            {t('dataSafety.now.done', { size: formatBytes(run.data.sizeBytes, i18n.language), duration: formatDuration(run.data.durationMs, i18n.language) })}
          </p>
          <p className="mono backup-path">{run.data.file}</p>
          {run.data.removed.length > 0 && <p className="meta">{t('dataSafety.now.removed', { files: run.data.removed.length })}</p>}
        </div>
      )}
    </div>
  )
}

