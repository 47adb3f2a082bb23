import { useMutation } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditVerifyDto } from '../../../../../shared/dto/audit'
import { formatInstant } from '../../../../../shared/format'
import { useClient } from '../../../client-context'
import { ErrorAlert } from '../../../components/Feedback'
import { errorMessage } from '../../../errors'
import { useSettings } from '../../../hooks'
import { localTimeZone } from '../backups/backup-client'

/**
 * Settings → audit check (owners): walks the audit log's hash chain and says either "intact, N rows
 * checked" or which row is the first that was edited, or follows one removed or inserted.
 */
export function AuditCheckSection() {
  const { t } = useTranslation()
  const client = useClient()
  const shop = useSettings()
  const verify = useMutation({ mutationFn: () => client.call('audit.verify', {}) })
  const resultRef = useRef<HTMLDivElement>(null)
  const timeZone = shop.data?.timeZone ?? localTimeZone()

  useEffect(() => {
    if (verify.data) resultRef.current?.focus()
  }, [verify.data])

  return (
    <section aria-labelledby="audit-check-title">
      <h2 id="audit-check-title">{t('dataSafety.audit.title')}</h2>
      <p className="meta">{t('dataSafety.audit.intro')}</p>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => verify.mutate()} disabled={verify.isPending} aria-busy={verify.isPending || undefined}>
          {verify.isPending ? t('dataSafety.audit.running') : t('dataSafety.audit.button')}
        </button>
      </div>
      <ErrorAlert message={verify.isError ? errorMessage(t, verify.error) : null} />
      {verify.data && (
        <div ref={resultRef} tabIndex={-1}>
          <AuditResult result={verify.data} timeZone={timeZone} />
        </div>
      )}
    </section>
  )
}

function AuditResult({ result, timeZone }: { result: AuditVerifyDto; timeZone: string }) {
  const { t, i18n } = useTranslation()
  const checkedAt = formatInstant(result.checkedAtMs, i18n.language, timeZone)
  if (result.ok || !result.firstBroken) {
    return (
      <p role="status" className="status-message">
        {t('dataSafety.audit.intact', { rows: result.checked, when: checkedAt })}
      </p>
    )
  }
  const row = result.firstBroken
  return (
    <div role="alert" className="alert alert-warning">
      <p className="alert-title">{t('dataSafety.audit.brokenTitle')}</p>
      <p>{t(`dataSafety.audit.reason.${row.reason}`)}</p>
      <dl className="facts">
        <div>
          <dt>{t('dataSafety.audit.rowId')}</dt>
          <dd className="mono">{row.id}</dd>
        </div>
        <div>
          <dt>{t('dataSafety.audit.rowTime')}</dt>
          <dd>{formatInstant(row.atMs, i18n.language, timeZone)}</dd>
        </div>
        <div>
          <dt>{t('dataSafety.audit.rowAction')}</dt>
          <dd className="mono">{row.action}</dd>
        </div>
      </dl>
      <p>{t('dataSafety.audit.brokenAdvice', { rows: result.checked, when: checkedAt })}</p>
    </div>
  )
}
