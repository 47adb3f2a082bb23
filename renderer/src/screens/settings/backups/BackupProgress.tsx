import { useTranslation } from 'react-i18next'
import type { BackupProgressDto } from '../../../../../shared/dto/backup'

/** A real progress bar (role=progressbar): the phase in words, done of total; indeterminate until the first answer. */
export function BackupProgress({ id, progress, starting }: { id: string; progress: BackupProgressDto | null; starting: string }) {
  const { t } = useTranslation()
  const label = progress
    ? progress.total > 0
      ? t('dataSafety.progress.steps', { phase: t(`dataSafety.phase.${progress.phase}`), done: progress.done, total: progress.total })
      : t(`dataSafety.phase.${progress.phase}`)
    : starting
  return (
    <div className="backup-progress">
      <label htmlFor={id}>{label}</label>
      {progress && progress.total > 0 ? <progress id={id} max={progress.total} value={Math.min(progress.done, progress.total)} /> : <progress id={id} />}
    </div>
  )
}
