import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TicketDetailDto } from '../../../../shared/dto/tickets'
import type { TicketWorkDto } from '../../../../shared/dto/workflow'
import { finalStatuses, ticketActions } from '../../../../shared/ticket-flow'
import { openTicketStatuses } from '../../../../shared/tickets'
import { StatusMessage } from '../../components/Feedback'
import { WorkForm, type WorkStep } from './WorkForm'

const buttonId = (step: WorkStep) => `work-step-${step}`
const formId = (step: WorkStep) => (step === 'approve' || step === 'decline' ? 'work-decide' : `work-${step}`)

/**
 * The steps the ledger allows now (`work.actions`, from the shared state machine), plus Assign
 * while the ticket is open and Add note always. One inline form at a time; Alt+N opens the
 * common next step, Escape closes a form and focus returns to the button that opened it.
 */
export function WorkActions({ ticket, work }: { ticket: TicketDetailDto; work: TicketWorkDto }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState<WorkStep | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  // Where focus goes once the form is gone: its button, or the panel heading after a save.
  const [returnTo, setReturnTo] = useState<{ step: WorkStep | null } | null>(null)
  const actions = ticketActions.filter((action) => work.actions.includes(action))
  const steps: WorkStep[] = [...actions, ...(openTicketStatuses.includes(work.status) ? (['assign'] as const) : []), 'addNote']
  const next = actions.find((action) => action !== 'cancel') ?? null

  const openStep = (step: WorkStep) => {
    setStatus(null)
    setReturnTo(null)
    setOpen(step)
  }

  useEffect(() => {
    if (!next) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
      if (event.code !== 'KeyN' && event.key.toLowerCase() !== 'n') return
      event.preventDefault()
      openStep(next)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [next])

  useEffect(() => {
    if (open !== null || !returnTo) return
    const button = returnTo.step ? document.getElementById(buttonId(returnTo.step)) : null
    ;(button ?? document.getElementById('work-title'))?.focus()
  }, [open, returnTo])

  const close = () => {
    setReturnTo({ step: open })
    setOpen(null)
  }
  const done = (step: WorkStep, updated: TicketWorkDto) => {
    setStatus(t('work.done', { action: t(`ticketAction.${step}`) }))
    // Voided at diagnosis: the customer must now be quoted, so the estimate is the next thing to write.
    if (step === 'diagnose' && updated.actions.includes('estimate') && !updated.estimate) return setOpen('estimate')
    setReturnTo({ step: null })
    setOpen(null)
  }

  return (
    <div className="work-actions">
      {finalStatuses.includes(work.status) && <p className="note">{t('work.final')}</p>}
      <div role="group" aria-label={t('work.actions')} className="form-actions">
        {steps.map((step) => (
          <button
            key={step}
            type="button"
            id={buttonId(step)}
            className={step === next ? 'button button-primary' : step === 'cancel' ? 'button button-danger' : 'button'}
            aria-expanded={open === step}
            aria-controls={open === step ? formId(step) : undefined}
            aria-keyshortcuts={step === next ? 'Alt+N' : undefined}
            onClick={() => openStep(step)}
          >
            {t(`ticketAction.${step}`)}
            {step === next && <kbd aria-hidden="true">Alt+N</kbd>}
          </button>
        ))}
      </div>
      <p className="field-hint">{next ? t('work.shortcutHint', { action: t(`ticketAction.${next}`) }) : t('work.noShortcut')}</p>
      <StatusMessage message={status} />
      {open && <WorkForm key={open} step={open} ticket={ticket} work={work} onClose={close} onDone={(updated) => done(open, updated)} />}
    </div>
  )
}
