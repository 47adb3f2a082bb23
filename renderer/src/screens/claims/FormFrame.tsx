import { useEffect, useRef, type FormEvent, type KeyboardEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/Feedback'
import { focusFirstInvalid } from '../../components/useFocusOnMount'

interface FormFrameProps {
  /** Element id of the form; its fields use it as their prefix. */
  id: string
  title: string
  /** A line under the title: what saving will do. */
  hint?: string | undefined
  submitLabel: string
  busy: boolean
  general: string | null
  /** Bumped on every failed submit: focus moves to the first invalid field. */
  failures: number
  onSubmit: () => void
  /** Escape and the Cancel button. */
  onClose?: (() => void) | undefined
  /** Focus the first field when the form appears (opened by a button). */
  autoFocus?: boolean
  /** …or the first one already marked invalid (a claim's problems), when there is one. */
  focusInvalidFirst?: boolean
  /** Extra buttons beside Save (e.g. "Show differences"). */
  actions?: ReactNode
  children: ReactNode
}

/**
 * The frame of the claims forms: a titled form, the general error as an alert, the fields, then
 * Save and Cancel. Enter in a text box saves (the browser's own), Escape cancels; focus lands in
 * the first field when it opens and on the first invalid one after a refusal.
 */
export function FormFrame({ id, title, hint, submitLabel, busy, general, failures, onSubmit, onClose, autoFocus = true, focusInvalidFirst = false, actions, children }: FormFrameProps) {
  const { t } = useTranslation()
  const formRef = useRef<HTMLFormElement>(null)
  useEffect(() => {
    if (!autoFocus) return
    const form = formRef.current
    const invalid = focusInvalidFirst ? form?.querySelector<HTMLElement>('[aria-invalid="true"]') : null
    ;(invalid ?? form?.querySelector<HTMLElement>('input:not([type="radio"]), input[type="radio"]:checked, select, textarea'))?.focus()
    // Only when the form first appears.
  }, [autoFocus])
  useEffect(() => {
    if (failures) focusFirstInvalid(formRef.current)
  }, [failures])
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!busy) onSubmit()
  }
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Escape' && onClose) {
      event.preventDefault()
      onClose()
    }
  }
  return (
    <form ref={formRef} id={id} aria-labelledby={`${id}-title`} aria-describedby={hint ? `${id}-hint` : undefined} noValidate onSubmit={submit} onKeyDown={onKeyDown} className="subform subform-edit work-form">
      <h3 id={`${id}-title`}>{title}</h3>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <ErrorAlert message={general} />
      {children}
      <div className="form-actions">
        <button type="submit" className="button button-primary" aria-busy={busy || undefined}>
          {busy ? t('common.saving') : submitLabel}
        </button>
        {actions}
        {onClose && (
          <button type="button" className="button" aria-keyshortcuts="Escape" onClick={onClose}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  )
}
