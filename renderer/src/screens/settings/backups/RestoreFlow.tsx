import { useMutation, useQuery } from '@tanstack/react-query'
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupContentsDto, BackupDto, RestoreDto } from '../../../../../shared/dto/backup'
import { formatInstant } from '../../../../../shared/format'
import { useClient } from '../../../client-context'
import { errorMessage } from '../../../errors'
import { ErrorAlert, LoadError, Loading } from '../../../components/Feedback'
import { backupKeys, formatBytes, formatDuration, isPinRefusal, newJobId, useBackupProgress } from './backup-client'
import { BackupProgress } from './BackupProgress'
import { IntegrityTag } from './BackupTable'

const pinPattern = /^\d{4,8}$/

interface RestoreFlowProps {
  backup: BackupDto
  timeZone: string
  /** In damaged mode the PIN is checked against an owner of the backup itself. */
  mode: 'settings' | 'damaged'
  onCancel: () => void
  onRestored: (result: RestoreDto) => void
}

/** Restore, step by step: what the backup holds (read from the file) → the owner's PIN → restore with progress. */
export function RestoreFlow({ backup, timeZone, mode, onCancel, onRestored }: RestoreFlowProps) {
  const { t, i18n } = useTranslation()
  const client = useClient()
  const heading = useRef<HTMLHeadingElement>(null)
  const pinRef = useRef<HTMLInputElement>(null)
  const [pin, setPin] = useState('')
  const [pinError, setPinError] = useState<string | null>(null)
  const [jobId, setJobId] = useState<string | null>(null)
  const inspect = useQuery({ queryKey: backupKeys.inspect(backup.file), queryFn: () => client.call('backup.inspect', { file: backup.file }), staleTime: 0 })
  const restore = useMutation({
    mutationFn: (input: { pin: string; jobId: string }) => client.call('backup.restore', { file: backup.file, ...input }),
    onSuccess: (result) => onRestored(result),
    onError: (error) => {
      if (isPinRefusal(error)) {
        setPinError(errorMessage(t, error))
        setPin('')
        pinRef.current?.focus()
      }
    },
  })
  const progress = useBackupProgress(client, jobId, restore.isPending)

  useEffect(() => {
    heading.current?.focus()
  }, [backup.file])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (restore.isPending) return
    if (!pinPattern.test(pin)) {
      setPinError(t('dataSafety.restore.pinInvalid'))
      pinRef.current?.focus()
      return
    }
    setPinError(null)
    const job = newJobId('restore')
    setJobId(job)
    restore.mutate({ pin, jobId: job })
  }

  const id = 'backup-restore'
  const when = (ms: number) => formatInstant(ms, i18n.language, timeZone)
  const contents = inspect.data
  const generalError = restore.isError && !isPinRefusal(restore.error) ? errorMessage(t, restore.error) : null
  return (
    <section className="backup-restore" aria-labelledby={`${id}-title`} aria-busy={inspect.isPending || restore.isPending || undefined}>
      <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t('dataSafety.restore.title', { when: when(backup.createdAtMs) })}
      </h3>
      <p className="meta mono backup-path">{backup.file}</p>
      {inspect.isPending && <Loading label={t('dataSafety.restore.inspecting')} />}
      {inspect.isError && (
        <>
          <LoadError error={inspect.error} onRetry={() => void inspect.refetch()} />
          <div className="form-actions">
            <button type="button" className="button" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          </div>
        </>
      )}
      {contents && (
        <>
          <BackupFacts backup={contents} contents={contents.contents} when={when} />
          {contents.contents.integrity !== 'ok' && (
            <div role="alert" className="alert alert-warning">
              <p className="alert-title">{t('dataSafety.restore.damagedTitle')}</p>
              <p>{t('dataSafety.restore.damagedBody', { problem: contents.contents.integrity })}</p>
            </div>
          )}
          <p className="note">{mode === 'damaged' ? t('dataSafety.restore.warningDamaged') : t('dataSafety.restore.warning')}</p>
          <form aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
            <div className={pinError ? 'field field-invalid backup-pin' : 'field backup-pin'}>
              <label htmlFor={`${id}-pin`}>{mode === 'damaged' ? t('dataSafety.restore.pinDamaged') : t('dataSafety.restore.pin')}</label>
              <input
                id={`${id}-pin`}
                ref={pinRef}
                type="password"
                inputMode="numeric"
                autoComplete="off"
                maxLength={8}
                value={pin}
                readOnly={restore.isPending}
                onChange={(event) => {
                  setPin(event.target.value)
                  setPinError(null)
                }}
                aria-invalid={pinError ? true : undefined}
                aria-describedby={[pinError ? `${id}-pin-error` : null, `${id}-pin-hint`].filter(Boolean).join(' ')}
              />
              <p id={`${id}-pin-hint`} className="field-hint">
                {mode === 'damaged' ? t('dataSafety.restore.pinHintDamaged') : t('dataSafety.restore.pinHint')}
              </p>
              {pinError && (
                <p id={`${id}-pin-error`} role="alert" className="field-error">
                  {pinError}
                </p>
              )}
            </div>
            <ErrorAlert message={generalError} />
            {restore.isPending && <BackupProgress id={`${id}-progress`} progress={progress} starting={t('dataSafety.restore.starting')} />}
            <div className="form-actions">
              <button type="submit" className="button button-danger" disabled={restore.isPending} aria-busy={restore.isPending || undefined}>
                {restore.isPending ? t('dataSafety.restore.running') : t('dataSafety.restore.submit')}
              </button>
              <button type="button" className="button" onClick={onCancel} disabled={restore.isPending}>
                {t('common.cancel')}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  )
}

/** What a backup holds: made when, for which shop, tickets, the last ticket and payment, integrity. */
function BackupFacts({ backup, contents, when }: { backup: BackupDto; contents: BackupContentsDto; when: (ms: number) => string }) {
  const { t, i18n } = useTranslation()
  const rows: [string, ReactNode][] = [
    [t('dataSafety.facts.madeAt'), when(backup.createdAtMs)],
    [t('dataSafety.facts.kind'), t(`dataSafety.kind.${backup.kind}`)],
    [t('dataSafety.facts.shop'), contents.shopName ?? <span className="muted">{t('common.notSet')}</span>],
    [t('dataSafety.facts.tickets'), contents.tickets.toLocaleString(i18n.language)],
    [t('dataSafety.facts.lastTicket'), contents.lastTicketNumber ?? <span className="muted">{t('common.none')}</span>],
    [t('dataSafety.facts.payments'), contents.payments.toLocaleString(i18n.language)],
    [t('dataSafety.facts.lastPayment'), contents.lastPaymentAtMs === null ? <span className="muted">{t('common.none')}</span> : when(contents.lastPaymentAtMs)],
    [t('dataSafety.facts.size'), formatBytes(backup.sizeBytes, i18n.language)],
    [t('dataSafety.facts.integrity'), <IntegrityTag integrity={contents.integrity} />],
  ]
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}

/** After a restore: where it came from, where the old ledger was kept aside, and a way on. */
export function RestoreResult({ result, continueLabel, onContinue }: { result: RestoreDto; continueLabel: string; onContinue: () => void }) {
  const { t, i18n } = useTranslation()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    heading.current?.focus()
  }, [])
  return (
    <section className="backup-result" aria-labelledby="backup-restored-title">
      <h3 id="backup-restored-title" ref={heading} tabIndex={-1}>
        {t('dataSafety.restored.title')}
      </h3>
      <p role="status">{t('dataSafety.restored.summary', { tickets: result.contents.tickets, duration: formatDuration(result.durationMs, i18n.language) })}</p>
      <dl className="facts">
        <div>
          <dt>{t('dataSafety.restored.from')}</dt>
          <dd className="mono backup-path">{result.restoredFrom}</dd>
        </div>
        <div>
          <dt>{t('dataSafety.restored.keptAside')}</dt>
          <dd className="mono backup-path">{result.keptAsideAs}</dd>
        </div>
      </dl>
      <p className="note">{t('dataSafety.restored.keptAsideNote')}</p>
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={onContinue}>
          {continueLabel}
        </button>
      </div>
    </section>
  )
}
