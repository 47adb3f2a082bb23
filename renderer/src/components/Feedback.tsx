import { useTranslation } from 'react-i18next'
import { errorMessage } from '../errors'

/** A translated error that is announced at once (role="alert"). Renders nothing without a message. */
export function ErrorAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null
  return (
    <div role="alert" className="alert alert-error">
      {message}
    </div>
  )
}

/** A polite confirmation such as "Settings saved.". */
export function StatusMessage({ message }: { message: string | null | undefined }) {
  return (
    <p role="status" className="status-message">
      {message}
    </p>
  )
}

/** Loading text with a spinner; the surrounding region carries aria-busy. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation()
  return (
    <div className="loading" aria-busy="true">
      <span className="spinner" aria-hidden="true" />
      <span role="status">{label ?? t('common.loading')}</span>
    </div>
  )
}

/** A failed load: the translated reason and a way to try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation()
  return (
    <div className="load-error">
      <ErrorAlert message={errorMessage(t, error)} />
      <button type="button" className="button" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  )
}
