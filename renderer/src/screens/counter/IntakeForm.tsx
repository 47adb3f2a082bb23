import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { InputOf } from '../../../../shared/contract'
import type { DeviceHistoryDto, TicketDetailDto } from '../../../../shared/dto/tickets'
import { useClient } from '../../client-context'
import { ErrorAlert } from '../../components/Feedback'
import { focusFirstInvalid, useFocusOnMount } from '../../components/useFocusOnMount'
import { queryKeys } from '../../query'
import { useShopFormat } from '../../shop-format'
import { CustomerSection } from './CustomerSection'
import { DepositSection } from './DepositSection'
import { DeviceSection } from './DeviceSection'
import { FaultSection } from './FaultSection'
import { emptyDraft, identifiersFromScan, intakeInput, type IntakeDraft, type IntakeField } from './intake-draft'
import { intakeErrorsFrom, localIntakeErrors, type IntakeErrors } from './intake-errors'
import { TicketSection } from './TicketSection'
import { WarrantySection } from './WarrantySection'

const noErrors: IntakeErrors = { fields: {}, general: null }

/** The whole intake on one keyboard-first form; Ctrl+Enter submits from anywhere, plain Enter never does. */
export function IntakeForm({ isOwner, onTakenIn }: { isOwner: boolean; onTakenIn: (ticket: TicketDetailDto) => void }) {
  const { t } = useTranslation()
  const client = useClient()
  const queryClient = useQueryClient()
  const format = useShopFormat()
  const formRef = useRef<HTMLFormElement>(null)
  const scanRef = useFocusOnMount<HTMLInputElement>()
  const [draft, setDraft] = useState<IntakeDraft>(emptyDraft)
  const [errors, setErrors] = useState<IntakeErrors>(noErrors)
  const [failures, setFailures] = useState(0)
  const [focusTarget, setFocusTarget] = useState<{ id: string } | null>(null)

  useEffect(() => {
    if (focusTarget) document.getElementById(focusTarget.id)?.focus()
  }, [focusTarget])
  useEffect(() => {
    if (failures) focusFirstInvalid(formRef.current)
  }, [failures])

  const focusSoon = useCallback((id: string) => setFocusTarget({ id }), [])
  const update = useCallback((patch: Partial<IntakeDraft>, ...fixing: IntakeField[]) => {
    setDraft((current) => ({ ...current, ...patch }))
    if (fixing.length) setErrors((current) => (fixing.some((field) => current.fields[field]) ? { ...current, fields: withoutFields(current.fields, fixing) } : current))
  }, [])
  const fail = (next: IntakeErrors) => {
    setErrors(next)
    setFailures((n) => n + 1)
  }

  const onLookedUp = async ({ device, tickets }: DeviceHistoryDto, identifier: string) => {
    if (!device) {
      setDraft((d) => ({ ...d, device: { kind: 'new' }, ...identifiersFromScan(identifier), ...(d.device.kind === 'found' ? { purchaseDate: '', proofRef: '' } : {}) }))
      return focusSoon('intake-model')
    }
    setDraft((d) => ({ ...d, device: { kind: 'found', device, tickets }, model: null, modelQuery: '', purchaseDate: device.purchaseDate ?? '', proofRef: device.proofOfPurchaseRef ?? '' }))
    const ownerId = device.ownerCustomerId
    const customerOpen = draft.customer.kind === 'search' || (draft.customer.kind === 'found' && draft.customer.ownerOfDevice)
    if (ownerId === null || !customerOpen) return focusSoon(draft.customer.kind === 'search' ? 'intake-customer-search' : 'intake-fault')
    try {
      const { customer } = await queryClient.fetchQuery({ queryKey: queryKeys.customer(ownerId), queryFn: () => client.call('customers.get', { id: ownerId }) })
      setDraft((d) => (d.customer.kind === 'new' ? d : { ...d, customer: { kind: 'found', customer, ownerOfDevice: true } }))
      focusSoon('intake-fault')
    } catch {
      focusSoon('intake-customer-search')
    }
  }

  const intake = useMutation({
    mutationFn: (input: InputOf<'tickets.intake'>) => client.call('tickets.intake', input),
    onSuccess: (ticket) => {
      for (const key of [queryKeys.tickets, queryKeys.devices, queryKeys.customers]) void queryClient.invalidateQueries({ queryKey: key })
      onTakenIn(ticket)
    },
    onError: (error) => fail(intakeErrorsFrom(t, error)),
  })

  const submit = (event?: FormEvent) => {
    event?.preventDefault()
    if (intake.isPending) return
    const shop = { currency: format.currency, today: format.today() }
    const local = localIntakeErrors(t, draft, isOwner, shop)
    if (local) return fail(local)
    setErrors(noErrors)
    intake.mutate(intakeInput(draft, isOwner, shop))
  }

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter') return
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault()
      submit()
    } else if (event.target instanceof HTMLInputElement) {
      // A scanner ends every read with Enter: in a text box that must never take the device in half-filled.
      event.preventDefault()
    }
  }

  const sectionProps = { draft, update, errors: errors.fields }
  return (
    <form ref={formRef} onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-labelledby="screen-title" className="intake-form">
      <div className="intake-columns">
        <div className="intake-column">
          <DeviceSection {...sectionProps} scanRef={scanRef} onLookedUp={(history, identifier) => void onLookedUp(history, identifier)} />
          <CustomerSection {...sectionProps} focusSoon={focusSoon} />
        </div>
        <div className="intake-column">
          <FaultSection {...sectionProps} />
          <WarrantySection {...sectionProps} isOwner={isOwner} />
          <TicketSection {...sectionProps} />
          <DepositSection {...sectionProps} isOwner={isOwner} />
        </div>
      </div>
      <ErrorAlert message={errors.general} />
      <div className="form-actions">
        <button type="submit" className="button button-primary button-large" aria-keyshortcuts="Control+Enter" aria-busy={intake.isPending || undefined}>
          {intake.isPending ? t('intake.submitting') : t('intake.submit')}
        </button>
        <p className="field-hint">{t('intake.submitHint')}</p>
      </div>
    </form>
  )
}

function withoutFields(fields: IntakeErrors['fields'], drop: IntakeField[]): IntakeErrors['fields'] {
  const next = { ...fields }
  for (const field of drop) delete next[field]
  return next
}
