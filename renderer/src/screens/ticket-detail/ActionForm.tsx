import { useEffect, useRef, type FormEvent, type KeyboardEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { TicketDetailDto } from '../../../../shared/dto/tickets'
import type { TicketWorkDto } from '../../../../shared/dto/workflow'
import { Field } from '../../components/Field'
import { ErrorAlert } from '../../components/Feedback'
import { focusFirstInvalid } from '../../components/useFocusOnMount'

interface ActionFormProps {
  /** Element id of the form; fields use it as their prefix. */
  id: string
  title: string
  submitLabel: string
  busy: boolean
  general: string | null
  /** Bumped on every failed submit: focus moves to the first invalid field. */
  failures: number
  onSubmit: () => void
  onClose: () => void
  children: ReactNode
}

/**
 * The frame of every inline workflow form: a titled form (its title is its accessible name), the
 * general error as an alert, the fields, and Save / Close. It takes focus on opening; Escape
 * closes it from any field; plain Enter in a text box never submits half a form.
 */
export function ActionForm({ id, title, submitLabel, busy, general, failures, onSubmit, onClose, children }: ActionFormProps) {
  const { t } = useTranslation()
  const formRef = useRef<HTMLFormElement>(null)

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus()
  }, [])
  useEffect(() => {
    if (failures) focusFirstInvalid(formRef.current)
  }, [failures])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!busy) onSubmit()
  }
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      onClose()
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      if (!busy) onSubmit()
    } else if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      // Enter in a box moves nothing forward by accident (a price typed, then Enter): Ctrl+Enter saves.
      event.preventDefault()
    }
  }

  return (
    <form ref={formRef} id={id} aria-labelledby={`${id}-title`} noValidate onSubmit={submit} onKeyDown={onKeyDown} className="subform subform-edit work-form">
      <h3 id={`${id}-title`}>{title}</h3>
      <ErrorAlert message={general} />
      {children}
      <div className="form-actions">
        <button type="submit" className="button button-primary" aria-keyshortcuts="Control+Enter" aria-busy={busy || undefined}>
          {busy ? t('common.saving') : submitLabel}
        </button>
        <button type="button" className="button" aria-keyshortcuts="Escape" onClick={onClose}>
          {t('work.closeForm')}
        </button>
      </div>
    </form>
  )
}

/** The optional note most actions carry into the timeline. */
export function NoteField({ formId, value, onChange, error, label }: { formId: string; value: string; onChange: (note: string) => void; error?: string | undefined; label?: string }) {
  const { t } = useTranslation()
  return (
    <Field id={`${formId}-note`} label={label ?? `${t('work.note')} ${t('common.optional')}`} error={error}>
      {(control) => <textarea {...control} rows={2} maxLength={1000} value={value} onChange={(event) => onChange(event.target.value)} />}
    </Field>
  )
}

/** What every workflow form gets from the work panel. */
export interface WorkFormProps {
  ticket: TicketDetailDto
  work: TicketWorkDto
  onClose: () => void
  onDone: (work: TicketWorkDto) => void
}
