import { useTranslation } from 'react-i18next'
import { useOutbox } from './claims-hooks'

/** On the Outbox button: how many batches wait to be sent and how many failed (nothing while all is well or unknown). */
export function OutboxBadge() {
  const { t } = useTranslation()
  const outbox = useOutbox([])
  const counts = outbox.data?.counts
  if (!counts) return null
  const waiting = counts.queued + counts.sending
  return (
    <>
      {waiting > 0 && <span className="tag tag-warning claims-badge">{t('claimsScreen.outbox.badgeWaiting', { count: waiting })}</span>}
      {counts.failed > 0 && <span className="tag tag-danger claims-badge">{t('claimsScreen.outbox.badgeFailed', { count: counts.failed })}</span>}
    </>
  )
}
