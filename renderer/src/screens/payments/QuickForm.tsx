import { useEffect, useRef, type FormEvent, type KeyboardEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/Feedback'
import { focusFirstInvalid } from '../../components/useFocusOnMount'

interface QuickFormProps {
  /** Element id of the form; fields use it as their prefix. */
  id: string
  title: string
  submitLabel: string
  busy: boolean
  general: string | null
  /** Bumped on every failed submit: focus moves to the first invalid field. */
  failures: number
  onSubmit: () => void
  /** Escape and the Close button; a form without it stays open (the drawer's open form). */
  onClose?: (() => void) | undefined
  /** Opened by a button: focus goes to the first field (default). A form always on screen leaves focus alone. */
  autoFocus?: boolean
  /** The field to start in when it is not the first (e.g. the amount under an option). */
  initialFocusId?: string
  children: ReactNode
}

/**
 * The frame of the money forms: a titled form, the general error as an alert, the fields, and
 * Save / Close. Unlike the workflow forms these are a few short fields typed at the till, so a
 * plain Enter in any of them (a radio or a select too) saves, as a cashier expects; Escape closes.
 * Focus lands in the first field when the form opens (unless it is always on screen).
 */
export function QuickForm({ id, title, submitLabel, busy, general, failures, onSubmit, onClose, autoFocus = true, initialFocusId, children }: QuickFormProps) {
  const { t } = useTranslation()
  const formRef = useRef<HTMLFormElement>(null)

  useEffect(() => {
    if (!autoFocus) return
    const named = initialFocusId ? document.getElementById(initialFocusId) : null
    // In a radio group, the chosen radio (the one Tab would reach), not the group's first.
    ;(named ?? formRef.current?.querySelector<HTMLElement>('input:not([type="radio"]), input[type="radio"]:checked, select, textarea'))?.focus()
  }, [autoFocus, initialFocusId])
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
    } else if (event.key === 'Enter' && (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement)) {
      // Browsers submit on Enter in a text box but not on a radio or a select: make them all alike.
      event.preventDefault()
      if (!busy) onSubmit()
    }
  }

  return (
    <form ref={formRef} id={id} aria-labelledby={`${id}-title`} noValidate onSubmit={submit} onKeyDown={onKeyDown} className="subform subform-edit work-form">
      <h3 id={`${id}-title`}>{title}</h3>
      <ErrorAlert message={general} />
      {children}
      <div className="form-actions">
        <button type="submit" className="button button-primary" aria-keyshortcuts="Enter" aria-busy={busy || undefined}>
          {busy ? t('common.saving') : submitLabel}
        </button>
        {onClose && (
          <button type="button" className="button" aria-keyshortcuts="Escape" onClick={onClose}>
            {t('work.closeForm')}
          </button>
        )}
      </div>
    </form>
  )
}
