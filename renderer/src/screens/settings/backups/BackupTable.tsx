import { useTranslation } from 'react-i18next'
import type { BackupDto } from '../../../../../shared/dto/backup'
import { formatInstant } from '../../../../../shared/format'
import { formatBytes } from './backup-client'

interface BackupTableProps {
  id: string
  caption: string
  items: BackupDto[]
  timeZone: string
  /** Offer "Restore…" on each row (owners in Settings; anyone on the damaged screen). */
  onRestore?: ((backup: BackupDto) => void) | undefined
  /** The row whose restore is open, marked as selected. */
  selectedFile?: string | null | undefined
}

/** Backups, newest first: kind, time, size and what each holds (tickets, last payment, integrity). */
export function BackupTable({ id, caption, items, timeZone, onRestore, selectedFile }: BackupTableProps) {
  const { t, i18n } = useTranslation()
  const when = (ms: number) => formatInstant(ms, i18n.language, timeZone)
  const sorted = [...items].sort((a, b) => b.createdAtMs - a.createdAtMs)
  return (
    <div className="table-scroll">
      <table className="table table-compact" id={id}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dataSafety.list.madeAt')}</th>
            <th scope="col">{t('dataSafety.list.kind')}</th>
            <th scope="col" className="num">
              {t('dataSafety.list.size')}
            </th>
            <th scope="col" className="num">
              {t('dataSafety.list.tickets')}
            </th>
            <th scope="col">{t('dataSafety.list.lastPayment')}</th>
            <th scope="col">{t('dataSafety.list.integrity')}</th>
            {onRestore && <th scope="col">{t('dataSafety.list.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {sorted.map((backup) => (
            <tr key={backup.file} className={backup.file === selectedFile ? 'row-selected' : undefined}>
              <th scope="row">
                {when(backup.createdAtMs)}
                <br />
                <span className="mono meta backup-path">{backup.name}</span>
              </th>
              <td>{t(`dataSafety.kind.${backup.kind}`)}</td>
              <td className="num nowrap">{formatBytes(backup.sizeBytes, i18n.language)}</td>
              <td className="num">{backup.contents.tickets.toLocaleString(i18n.language)}</td>
              <td>{backup.contents.lastPaymentAtMs === null ? <span className="muted">{t('dataSafety.list.noPayments')}</span> : when(backup.contents.lastPaymentAtMs)}</td>
              <td>
                <IntegrityTag integrity={backup.contents.integrity} />
              </td>
              {onRestore && (
                <td>
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={t('dataSafety.list.restoreLabel', { when: when(backup.createdAtMs) })}
                    aria-pressed={backup.file === selectedFile}
                    onClick={() => onRestore(backup)}
                  >
                    {t('dataSafety.list.restore')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** "Whole" for a backup that passed SQLite's integrity check, else SQLite's complaint as a warning. */
export function IntegrityTag({ integrity }: { integrity: string }) {
  const { t } = useTranslation()
  if (integrity === 'ok') return <span className="tag">{t('dataSafety.integrity.ok')}</span>
  return <span className="tag tag-warning">{t('dataSafety.integrity.bad', { problem: integrity })}</span>
}
